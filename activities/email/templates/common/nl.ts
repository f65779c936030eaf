import type { CommonCopy } from './copy';

export const nl = {
  greeting: 'Geachte heer, mevrouw,',
  signOff: 'Met vriendelijke groet,\nHet privacyteam',
  contactPoint: (email) => `ons privacyteam via ${email}`,
  contactDetails: ({ name, email, telephone }) =>
    `Ons contactpunt voor gegevensbescherming: ${name}, ${email}${telephone === undefined ? '' : `, telefoon ${telephone}`}.`,
  howToAnswer: {
    inWriting: (email) => `via ons platform of door te schrijven naar ${email}`,
    byReply: (email) => `via ons platform of door te antwoorden aan ${email}`,
  },
} satisfies CommonCopy;
