import type { CommonCopy } from './copy';

export const fr = {
  greeting: 'Madame, Monsieur,',
  signOff: "Cordialement,\nL'équipe Protection des données",
  contactPoint: (email) => `notre équipe Protection des données à l'adresse ${email}`,
  howToAnswer: {
    inWriting: (email) => `via notre plateforme ou en écrivant à ${email}`,
    byReply: (email) => `via notre plateforme ou en répondant à ${email}`,
  },
} satisfies CommonCopy;
