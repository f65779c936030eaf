import type { AuditCopy } from './copy';
import { formatAuditDate } from './date';

export const nl = {
  marker: '[Audit]',
  confidential:
    'Deze e-mail betreft een audit onder artikel 12 van onze Dataverwerkingspolicy. Deel hem enkel met wie de audit ' +
    'voorbereidt of uitvoert.',
  reference: 'Referentie van de audit',
  subjectReference: (id) => `audit ${id}`,
  date: 'Datum van de audit',
  earliestDate: 'Vroegst mogelijke datum',
  auditor: 'Auditor',
  scope: 'Reikwijdte',
  formatDate: (date) => formatAuditDate(date, 'nl'),
  questions: (email, id) => `Heeft u vragen, neem dan contact op met ons privacyteam via ${email}, met vermelding van referentie ${id}.`,
  tooEarly: {
    subject: 'Gelieve een andere datum voor te stellen',
    intro: (customer, proposed) => `Wij danken u voor de aanvraag tot audit van ${customer}. U stelde ${proposed} voor.`,
    rule: (earliest) =>
      'Artikel 12.2 van onze Dataverwerkingspolicy vraagt dat een audit minstens dertig (30) werkdagen op voorhand ' +
      `wordt aangekondigd (Belgische werkdagen, geteld vanaf de dag waarop wij uw aanvraag ontvingen). De vroegst mogelijke datum is ${earliest}.`,
    askAnother: 'Gelieve via ons platform een datum op of na die dag voor te stellen; wij sturen dan de uitnodiging.',
  },
  invitation: {
    subject: 'Uitnodiging',
    movedSubject: 'Nieuwe datum',
    intro: (customer, date) => `De audit die ${customer} aanvroeg, vindt plaats op ${date}.`,
    moved: (previous, date) => `De audit die gepland was op ${previous}, is verplaatst naar ${date}.`,
    calendar: 'De agenda-uitnodiging is bijgevoegd; wie ze aanvaardt, ziet de audit in zijn agenda.',
    documents:
      'Ter voorbereiding van de audit (artikel 12.1) voegen wij de lijst van onze subverwerkers van vandaag bij, de ' +
      'vermeldingen in ons register van datalekken die u betreffen, en onze technische en organisatorische maatregelen (bijlage II).',
    confidentiality:
      'Artikel 12.3: om de vertrouwelijkheid van onze andere klanten te verzekeren, moeten de (interne of externe) ' +
      'auditors gebonden zijn door afdoende vertrouwelijkheidsverplichtingen. Gelieve ons dat voor de audit via ons platform te bevestigen.',
    costs:
      'Artikel 12.4: de kosten van de audit zijn voor rekening van de klant, behalve indien (en voor zover) tijdens de ' +
      'audit een ernstig beveiligingsincident of lek van persoonsgegevens bij of onder verantwoordelijkheid van de ' +
      'verwerker, of een schending van de Dataverwerkingspolicy, wordt vastgesteld.',
    noDelay: 'Artikel 12.2: de audit mag geen vertraging veroorzaken in de uitvoering van onze diensten.',
  },
  cancellation: {
    subject: 'Geannuleerd',
    intro: (date) => `De audit die gepland was op ${date}, is geannuleerd.`,
    calendar: 'De bijgevoegde annulering haalt hem uit uw agenda.',
  },
  reminder: {
    subject: 'Herinnering',
    intro: (date) => `Wij herinneren u eraan dat de audit plaatsvindt op ${date}.`,
    confidentialityMissing:
      'Wij ontvingen nog geen bevestiging dat de auditors gebonden zijn door vertrouwelijkheidsverplichtingen (artikel 12.3).',
  },
  confidentialityReminder: {
    subject: 'Vertrouwelijkheid van de auditors',
    intro: (customer, date) =>
      `De audit die ${customer} aanvroeg, vindt plaats op ${date}. Wij ontvingen nog geen bevestiging dat de auditors ` +
      'gebonden zijn door afdoende vertrouwelijkheidsverplichtingen, zoals artikel 12.3 van onze Dataverwerkingspolicy vraagt.',
    howToConfirm: 'Gelieve dat voor de audit via ons platform te bevestigen, zo mogelijk met een verwijzing naar de overeenkomst.',
  },
  outcome: {
    subject: 'Bevindingen en kosten',
    intro: (customer, date) => `Hierbij de bevindingen van de audit die voor ${customer} plaatsvond op ${date}.`,
    summary: 'Bevindingen',
    seriousIncident: 'Ernstig beveiligingsincident of lek van persoonsgegevens vastgesteld',
    policyBreach: 'Schending van de Dataverwerkingspolicy vastgesteld',
    yes: 'ja',
    no: 'nee',
    costsHeading: 'Kosten van de audit',
    costs: (processor, customer) => `De verwerker draagt ${processor}% van de kosten van de audit en de klant ${customer}%.`,
    costsRule:
      'Artikel 12.4: de kosten zijn voor rekening van de klant, behalve indien en voor zover een ernstig incident of een ' +
      'schending van de Dataverwerkingspolicy wordt vastgesteld.',
  },
  event: {
    summary: (id) => `Audit ${id} (Dataverwerkingspolicy, artikel 12)`,
    description: (customer) => `Audit aangevraagd door ${customer} onder artikel 12 van de Dataverwerkingspolicy.`,
  },
} satisfies AuditCopy;
