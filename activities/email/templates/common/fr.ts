import type { CommonCopy } from './copy';

export const fr = {
  greeting: 'Madame, Monsieur,',
  signOff: "Cordialement,\nL'équipe Protection des données",
  contactPoint: (email) => `notre équipe Protection des données à l'adresse ${email}`,
  contactDetails: ({ name, email, telephone }) =>
    `Notre point de contact pour la protection des données : ${name}, ${email}${telephone === undefined ? '' : `, téléphone ${telephone}`}.`,
  howToAnswer: {
    inWriting: (email) => `via notre plateforme ou en écrivant à ${email}`,
    byReply: (email) => `via notre plateforme ou en répondant à ${email}`,
  },
} satisfies CommonCopy;
