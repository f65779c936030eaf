import type { CommonCopy } from './copy';

export const nl = {
  greeting: 'Geachte heer, mevrouw,',
  signOff: 'Met vriendelijke groet,\nHet privacyteam',
  contactPoint: (email) => `ons privacyteam via ${email}`,
  howToAnswer: {
    inWriting: (email) => `via ons platform of door te schrijven naar ${email}`,
    byReply: (email) => `via ons platform of door te antwoorden aan ${email}`,
  },
} satisfies CommonCopy;
