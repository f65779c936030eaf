import type { CommonCopy } from './copy';

export const en = {
  greeting: 'Dear Sir or Madam,',
  signOff: 'Kind regards,\nThe privacy team',
  contactPoint: (email) => `our privacy team at ${email}`,
  howToAnswer: {
    inWriting: (email) => `through our platform or by writing to ${email}`,
    byReply: (email) => `through our platform or by replying to ${email}`,
  },
} satisfies CommonCopy;
