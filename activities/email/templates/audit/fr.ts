import type { AuditCopy } from './copy';
import { formatAuditDate } from './date';

export const fr = {
  marker: '[Audit]',
  confidential:
    "Cet e-mail concerne un audit au titre de l'article 12 de notre Politique de traitement des données. Ne le " +
    "partagez qu'avec les personnes qui préparent ou réalisent l'audit.",
  reference: "Référence de l'audit",
  subjectReference: (id) => `audit ${id}`,
  date: "Date de l'audit",
  earliestDate: 'Date la plus proche possible',
  auditor: 'Auditeur',
  scope: 'Périmètre',
  formatDate: (date) => formatAuditDate(date, 'fr'),
  questions: (email, id) =>
    `Pour toute question, veuillez contacter notre équipe vie privée à l'adresse ${email}, en mentionnant la référence ${id}.`,
  tooEarly: {
    subject: 'Veuillez proposer une autre date',
    intro: (customer, proposed) => `Nous vous remercions de la demande d'audit de ${customer}. Vous avez proposé le ${proposed}.`,
    rule: (earliest) =>
      "L'article 12.2 de notre Politique de traitement des données demande qu'un audit soit annoncé au moins trente (30) " +
      "jours ouvrables à l'avance (jours ouvrables belges, comptés à partir du jour où nous avons reçu votre demande). " +
      `La date la plus proche possible est le ${earliest}.`,
    askAnother: "Veuillez proposer, via notre plateforme, une date égale ou postérieure ; nous enverrons alors l'invitation.",
  },
  invitation: {
    subject: 'Invitation',
    movedSubject: 'Nouvelle date',
    intro: (customer, date) => `L'audit demandé par ${customer} aura lieu le ${date}.`,
    moved: (previous, date) => `L'audit prévu le ${previous} a été déplacé au ${date}.`,
    calendar: "L'invitation d'agenda est jointe ; l'accepter ajoute l'audit à votre agenda.",
    documents:
      "Pour préparer l'audit (article 12.1), nous joignons la liste de nos sous-traitants ultérieurs à ce jour, les " +
      'entrées de notre registre des violations de données qui vous concernent, et nos mesures techniques et organisationnelles (annexe II).',
    confidentiality:
      'Article 12.3 : afin de garantir la confidentialité de nos autres clients, les auditeurs (internes ou externes) doivent ' +
      "être liés par des obligations de confidentialité adéquates. Veuillez nous le confirmer via notre plateforme avant l'audit.",
    costs:
      "Article 12.4 : les frais de l'audit sont à la charge du client, sauf si (et dans la mesure où) un incident de " +
      'sécurité grave ou une fuite de données à caractère personnel chez le sous-traitant ou sous sa responsabilité, ou ' +
      "une violation de la Politique de traitement des données, est constaté lors de l'audit.",
    noDelay: "Article 12.2 : l'audit ne peut en aucun cas retarder l'exécution de nos services.",
  },
  cancellation: {
    subject: 'Annulé',
    intro: (date) => `L'audit prévu le ${date} a été annulé.`,
    calendar: "L'annulation jointe le retire de votre agenda.",
  },
  reminder: {
    subject: 'Rappel',
    intro: (date) => `Nous vous rappelons que l'audit aura lieu le ${date}.`,
    confidentialityMissing:
      "Nous n'avons pas encore reçu la confirmation que les auditeurs sont liés par des obligations de confidentialité (article 12.3).",
  },
  confidentialityReminder: {
    subject: 'Confidentialité des auditeurs',
    intro: (customer, date) =>
      `L'audit demandé par ${customer} aura lieu le ${date}. Nous n'avons pas encore reçu la confirmation que ses ` +
      "auditeurs sont liés par des obligations de confidentialité adéquates, comme l'exige l'article 12.3 de notre " +
      'Politique de traitement des données.',
    howToConfirm: "Veuillez le confirmer via notre plateforme avant l'audit, si possible avec une référence à l'accord.",
  },
  outcome: {
    subject: 'Constatations et frais',
    intro: (customer, date) => `Voici les constatations de l'audit réalisé pour ${customer} le ${date}.`,
    summary: 'Constatations',
    seriousIncident: 'Incident de sécurité grave ou fuite de données constaté',
    policyBreach: 'Violation de la Politique de traitement des données constatée',
    yes: 'oui',
    no: 'non',
    costsHeading: "Frais de l'audit",
    costs: (processor, customer) => `Le sous-traitant supporte ${processor} % des frais de l'audit et le client ${customer} %.`,
    costsRule:
      'Article 12.4 : les frais sont à la charge du client, sauf si et dans la mesure où un incident grave ou une violation ' +
      'de la Politique de traitement des données est constaté.',
  },
  event: {
    summary: (id) => `Audit ${id} (Politique de traitement des données, article 12)`,
    description: (customer) => `Audit demandé par ${customer} au titre de l'article 12 de la Politique de traitement des données.`,
  },
} satisfies AuditCopy;
