import type { CommonCopy } from './copy';

export const en = {
  greeting: 'Dear Sir or Madam,',
  signOff: 'Kind regards,\nThe privacy team',
  contactPoint: (email) => `our privacy team at ${email}`,
  contactDetails: ({ name, email, telephone }) =>
    `Our contact point for data protection: ${name}, ${email}${telephone === undefined ? '' : `, telephone ${telephone}`}.`,
  howToAnswer: {
    inWriting: (email) => `through our platform or by writing to ${email}`,
    byReply: (email) => `through our platform or by replying to ${email}`,
  },
} satisfies CommonCopy;
