import { fr as common } from '../common/fr';
import type { TerminationCopy } from './copy';

export const fr = {
  marker: '[Fin du contrat]',
  confidential:
    'Cet e-mail concerne les données à caractère personnel que nous traitons pour votre compte. Ne le partagez qu’avec les personnes qui gèrent la fin du contrat.',
  reference: 'Référence client',
  subjectReference: (id) => `client ${id}`,
  questions: (email, id) => `Pour toute question, veuillez contacter ${common.contactPoint(email)} en mentionnant la référence ${id}.`,
  terminatedAt: 'Fin du contrat',
  windowEnds: 'Fin de la période d’exportation',
  exportHeading: 'Comment exporter vos données',
  exportTool: 'Outil d’exportation',
  days: (count) => (count === 1 ? '1 jour' : `${count} jours`),
  notice: {
    subject: 'Exportez vos données avant leur effacement',
    intro: (customer, terminated) =>
      `Le contrat entre ${customer} et nous a pris fin le ${terminated}. Comme le prévoient l’article 11.2 de notre ` +
      'Politique de traitement des données et l’article 28, paragraphe 3, point g), du RGPD, vous pouvez d’abord ' +
      'exporter les données à caractère personnel que nous traitons pour votre compte.',
    windowText: (days, end) => `Votre période d’exportation est de ${days} à compter de la présente notification et prend fin le ${end}.`,
    afterwards:
      'À la fin de cette période, nous effaçons ou anonymisons vos données à caractère personnel dans tous nos ' +
      'systèmes (article 11.3) et vous le confirmons. S’il vous faut plus de temps, demandez-le-nous avant la fin de la période.',
    reminders: 'Nous vous le rappellerons 7 jours et 1 jour avant la fin de la période.',
  },
  reminder: {
    subject: (end) => `Rappel : votre période d’exportation prend fin le ${end}`,
    intro: (customer, end) =>
      `La période d’exportation des données à caractère personnel que nous traitons pour le compte de ${customer} ` +
      `prend fin le ${end}. Ensuite, nous les effaçons ou les anonymisons (article 11.3 de notre Politique de traitement des données).`,
    afterwards: 'Si vous avez déjà exporté vos données, vous pouvez ignorer ce rappel.',
  },
  extension: {
    subject: 'Votre période d’exportation a été prolongée',
    intro: (extra) => `Nous avons prolongé votre période d’exportation de ${extra}.`,
    previousEnd: 'Fin précédente',
    newEnd: 'Nouvelle fin',
    reason: 'Motif indiqué',
    reminders: 'Nos rappels suivent la nouvelle fin.',
  },
  waiver: {
    subject: 'À votre demande, l’effacement de vos données commence maintenant',
    intro: (customer, completed) => `Nous avons enregistré que ${customer} a terminé l’exportation de ses données le ${completed}.`,
    waived: (end) => `À votre demande écrite, il a été renoncé au reste de votre période d’exportation, qui aurait pris fin le ${end}.`,
    deletion:
      'Nous effaçons ou anonymisons maintenant vos données à caractère personnel dans tous nos systèmes (article 11.3) et vous le confirmerons.',
  },
  certificate: {
    subject: 'Certificat d’effacement de vos données à caractère personnel',
    intro: (customer, deleted) =>
      `Chacun de nos systèmes a confirmé que les données à caractère personnel que nous traitions pour le compte de ${customer} ` +
      `ont été effacées ou anonymisées (article 11.3 de notre Politique de traitement des données, article 28, paragraphe 3, ` +
      `point g), du RGPD). La dernière confirmation date du ${deleted}.`,
    storesHeading: 'Systèmes et traitement appliqué',
    storeLine: (store, method, completed, reference, lastCopy) =>
      `${store} : ${method} le ${completed}, référence ${reference}` +
      (lastCopy ? ` ; la dernière copie de sauvegarde expire le ${lastCopy}` : ''),
    attached: (filename) => `Le certificat d’effacement est joint en PDF (${filename}). Veuillez le conserver dans vos dossiers.`,
    ownRecords:
      'Nous ne conservons que la preuve que chacune de nos obligations a été remplie (les e-mails envoyés et nos registres), ' +
      'sans données à caractère personnel de vos personnes concernées.',
    methods: { delete: 'effacées', anonymise: 'anonymisées' },
    pdf: {
      title: 'Certificat d’effacement',
      customer: 'Client',
      deletedAt: 'Effacement confirmé',
      statement: (customer, id) =>
        `Nous certifions que les données à caractère personnel que nous traitions pour le compte de ${customer} (référence ` +
        `client ${id}) en vertu de notre Politique de traitement des données ont été définitivement effacées ou anonymisées ` +
        'dans chacun des systèmes ci-dessous, après la période d’exportation qui a suivi la fin du contrat (article 11.3 ; ' +
        'article 28, paragraphe 3, point g), du RGPD).',
      store: 'Système',
      method: 'Traitement',
      completedAt: 'Achevé le',
      reference: 'Référence',
      lastCopyExpiresAt: 'Expiration de la dernière copie de sauvegarde',
      ownRecords:
        'Nous ne conservons que la preuve que chacune de nos obligations a été remplie (les e-mails envoyés, nos registres et ' +
        'ce certificat), sans données à caractère personnel de vos personnes concernées.',
      issuedBy: (processor, issued) => `Délivré par ${processor} le ${issued}.`,
      contactPoint: 'Point de contact pour la protection des données',
      processorFallback: 'le sous-traitant',
      page: (number, count) => `Page ${number} sur ${count}`,
    },
  },
} satisfies TerminationCopy;
