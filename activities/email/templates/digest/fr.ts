import { fr as common } from '../common/fr';
import type { CustomerReminderCopy } from './copy';

export const fr = {
  marker: '[Rappel hebdomadaire]',
  confidential:
    'Cet e-mail concerne les données à caractère personnel que nous traitons pour votre compte. Ne le partagez qu’avec les personnes qui les traitent.',
  reference: 'Référence client',
  questions: (email, id) => `Pour toute question, veuillez contacter ${common.contactPoint(email)} en mentionnant la référence ${id}.`,
  subject: (count) => (count === 1 ? 'Un dossier attend votre réponse' : `${count} dossiers attendent votre réponse`),
  intro: (customer) =>
    `Les dossiers suivants, relatifs aux données à caractère personnel que nous traitons pour le compte de ${customer}, attendent une réponse ou une action de votre part. Chacun a fait l’objet de son propre e-mail détaillé ; ceci n’est qu’un rappel.`,
  kinds: {
    'breach-acknowledgement':
      'Accuser réception de notre notification d’une violation de données (article 8 de notre Data Processing Policy)',
    'dsr-instruction': 'Nous donner votre instruction écrite sur une demande d’une personne concernée (article 10)',
    'authority-views': 'Nous donner votre avis sur l’étendue et les modalités d’une communication à une autorité (article 7.1)',
    'audit-confidentiality': 'Confirmer que vos auditeurs sont tenus à la confidentialité avant l’audit (article 12.3)',
    'export-window': 'Exporter vos données avant la fin de votre période d’exportation (article 11.2)',
  },
  item: 'Ce dont nous avons besoin',
  caseReference: 'Référence',
  deadline: 'Au plus tard',
  noDeadline: 'dès que possible',
  afterwards: 'Si vous avez déjà répondu, vous pouvez ignorer ce rappel : nos messages ont pu se croiser.',
} satisfies CustomerReminderCopy;
