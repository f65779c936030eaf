import { workflowIds } from '../../../domain/ids';
/**
 * Emails of the breach process ("Datalek", policy 8.1–8.2; GDPR Art. 33(2)–(5)): the notice to each
 * affected customer (the controller), reminders until it acknowledges receipt, follow-ups in phases,
 * the final report, and internal alerts to the processor's privacy team.
 *
 * Every function is pure: same facts, same email. Each language's text is written in full below (no
 * machine translation), and each language fills the same copy type, so the compiler refuses a
 * language that lacks a passage.
 */
import { defaultTimeZone, type Language } from '../../../domain/language';
import { formatCount, formatInstant, formatList } from '../format';
import { renderEmail, type EmailBlock, type RenderedEmail } from './rendered-email';

export type { RenderedEmail } from './rendered-email';

// ---------------------------------------------------------------------------------------------
// Facts

export type BreachNoticeFacts = {
  customerName: string;
  incidentId: string;
  /** ISO UTC: when the processor became aware of the breach. */
  awareAt: string;
  /** ISO UTC: when this notice is sent. */
  noticeSentAt: string;
  /** ISO UTC: noticeSentAt + 72 h, the controller's own Art. 33(1) clock, shown as guidance only. */
  controllerDeadlineAt: string;
  summary: string;
  /** Categories of personal data concerned (Art. 33(3)(a)). */
  dataCategories: string[];
  /** Approximate number of data subjects concerned; absent while unknown. */
  subjectsApprox?: number;
  /** Approximate number of personal data records concerned (Art. 33(3)(a)); absent while unknown. */
  recordsApprox?: number;
  /** Categories of data subjects concerned (Art. 33(3)(a)); absent while unknown. */
  subjectCategories?: string[];
  /** Likely consequences (Art. 33(3)(c)); absent while they are being assessed. */
  likelyConsequences?: string;
  /** Measures taken or proposed, including to mitigate adverse effects (Art. 33(3)(d)). */
  measures: string[];
  /** The processor's privacy team: the contact point of Art. 33(3)(b). */
  contactEmail: string;
  /** The customer's IANA time zone; every instant is shown in it. */
  timeZone: string;
  /** ISO UTC: awareAt + the contract's notice hours, where the customer's contract sets them. */
  contractualDeadlineAt?: string;
  /** Where the product lets the customer acknowledge receipt with one click, if it offers that. */
  acknowledgeUrl?: string;
};

export type BreachReminderFacts = BreachNoticeFacts & { reminderNumber: number };

export type BreachUpdateFacts = {
  customerName: string;
  incidentId: string;
  update: string;
  measures: string[];
  /** Absent: the update says nothing about containment. */
  contained?: boolean;
  sentAt: string;
  timeZone: string;
  contactEmail: string;
};

export type BreachFinalReportFacts = {
  customerName: string;
  incidentId: string;
  finalReport: string;
  measures: string[];
  closedAt: string;
  timeZone: string;
  contactEmail: string;
};

export type PrivacyTeamAlertKind =
  | 'acknowledgement-overdue'
  | 'notice-undeliverable'
  | 'contractual-deadline-at-risk'
  | 'status-update-due'
  | 'no-customer-record'
  | 'final-report-undeliverable';

export type PrivacyTeamAlertFacts = {
  kind: PrivacyTeamAlertKind;
  incidentId: string;
  customerId?: string;
  detail: string;
  dueAt?: string;
};

// ---------------------------------------------------------------------------------------------
// Wording shared by every customer email

type CommonCopy = {
  /** Subject prefix, so that the email stands out in an inbox and can be filtered on. */
  marker: string;
  greeting: string;
  signOff: string;
  confidential: string;
  incident: string;
  notYetKnown: string;
  approximately(count: string): string;
};

const common: Record<Language, CommonCopy> = {
  nl: {
    marker: '[Datalek]',
    greeting: 'Geachte heer, mevrouw,',
    signOff: 'Met vriendelijke groet,\nHet privacyteam',
    confidential:
      'Deze e-mail bevat vertrouwelijke informatie over een beveiligingsincident. ' +
      'Deel ze alleen met wie ze nodig heeft om de inbreuk te behandelen.',
    incident: 'Incidentnummer',
    notYetKnown: 'nog niet bekend',
    approximately: (count) => `ongeveer ${count}`,
  },
  fr: {
    marker: '[Violation de données]',
    greeting: 'Madame, Monsieur,',
    signOff: "Cordialement,\nL'équipe Protection des données",
    confidential:
      'Ce courriel contient des informations confidentielles relatives à un incident de sécurité. ' +
      "Merci de ne les partager qu'avec les personnes qui en ont besoin pour traiter la violation.",
    incident: "Numéro d'incident",
    notYetKnown: "en cours d'évaluation",
    approximately: (count) => `environ ${count}`,
  },
  en: {
    marker: '[Data breach]',
    greeting: 'Dear Sir or Madam,',
    signOff: 'Kind regards,\nThe privacy team',
    confidential:
      'This email contains confidential information about a security incident. ' +
      'Please share it only with those who need it to handle the breach.',
    incident: 'Incident reference',
    notYetKnown: 'not yet known',
    approximately: (count) => `approximately ${count}`,
  },
};

/** Formatting bound to one email's language and the customer's time zone. */
function formatter(language: Language, timeZone: string) {
  const copy = common[language];
  return {
    copy,
    at: (instantIso: string) => formatInstant(instantIso, language, timeZone),
    count: (count: number | undefined) =>
      isKnownCount(count) ? copy.approximately(formatCount(count, language)) : copy.notYetKnown,
    list: (items: readonly string[] | undefined) => {
      const present = cleanItems(items);
      return present.length > 0 ? formatList(present, language) : copy.notYetKnown;
    },
  };
}

function isKnownCount(count: number | undefined): count is number {
  return count !== undefined && Number.isFinite(count) && count >= 0;
}

/** Drops empty entries, so that a stray "" never renders as an empty bullet. */
function cleanItems(items: readonly string[] | undefined): string[] {
  return (items ?? []).map((item) => item.trim()).filter((item) => item !== '');
}

// ---------------------------------------------------------------------------------------------
// 1. The notice (policy 8.1–8.2; GDPR Art. 33(2), with the content of Art. 33(3))

type NoticeCopy = {
  subject(incidentId: string): string;
  intro(customerName: string): string;
  awareAt: string;
  sentAt: string;
  contractualDeadline: string;
  /** Art. 33(3)(a) */
  nature: string;
  dataCategories: string;
  subjectCategories: string;
  subjectsApprox: string;
  recordsApprox: string;
  followsWhenKnown: string;
  /** Art. 33(3)(b) */
  contact: string;
  contactText(email: string, incidentId: string): string;
  /** Art. 33(3)(c) */
  consequences: string;
  consequencesPending: string;
  /** Art. 33(3)(d) */
  measures: string;
  measuresIntro: string;
  measuresPending: string;
  measuresOngoing: string;
  /** The controller's own Art. 33(1) clock, as guidance. */
  clock: string;
  clockText(start: string, end: string): string;
  clockGuidance: string;
  /** Art. 33(4) */
  phases: string;
  phasesText(incidentId: string): string;
  acknowledge: string;
  acknowledgeText(email: string): string;
  acknowledgeLink: string;
  wrongRecipient: string;
};

const noticeCopy: Record<Language, NoticeCopy> = {
  nl: {
    subject: (id) => `${common.nl.marker} Melding van een inbreuk in verband met persoonsgegevens – incident ${id}`,
    intro: (customer) =>
      `Als verwerker voor ${customer} melden wij u een inbreuk in verband met persoonsgegevens die wij namens u ` +
      'verwerken. Wij doen dat zonder onnodige vertraging nadat wij er kennis van hebben genomen, zoals artikel 8 ' +
      'van onze Dataverwerkingspolicy en artikel 33, lid 2, van de Algemene Verordening Gegevensbescherming (AVG) ' +
      'voorschrijven.',
    awareAt: 'Kennisname van de inbreuk door ons',
    sentAt: 'Verzending van deze melding',
    contractualDeadline: 'Contractuele uiterste termijn voor deze melding',
    nature: '1. Aard van de inbreuk (artikel 33, lid 3, a, AVG)',
    dataCategories: 'Betrokken categorieën van persoonsgegevens',
    subjectCategories: 'Categorieën van betrokkenen',
    subjectsApprox: 'Geschat aantal betrokkenen',
    recordsApprox: 'Geschat aantal betrokken records met persoonsgegevens',
    followsWhenKnown: 'Gegevens die nog niet bekend zijn, bezorgen wij u zodra ons onderzoek het toelaat.',
    contact: '2. Contactpunt (artikel 33, lid 3, b, AVG)',
    contactText: (email, id) =>
      `Voor meer informatie over deze inbreuk kunt u terecht bij ons privacyteam: ${email}. ` +
      `Vermeld in alle correspondentie het incidentnummer ${id}.`,
    consequences: '3. Waarschijnlijke gevolgen (artikel 33, lid 3, c, AVG)',
    consequencesPending:
      'Wij beoordelen op dit moment de waarschijnlijke gevolgen van de inbreuk voor de betrokkenen. ' +
      'Zodra die beoordeling klaar is, bezorgen wij ze u in een aanvullende melding.',
    measures: '4. Genomen of voorgestelde maatregelen (artikel 33, lid 3, d, AVG)',
    measuresIntro:
      'Om de inbreuk aan te pakken en de mogelijke nadelige gevolgen voor de betrokkenen te beperken, ' +
      'hebben wij de volgende maatregelen genomen of voorgesteld:',
    measuresPending:
      'Wij bepalen op dit moment welke maatregelen nodig zijn om de inbreuk aan te pakken en de mogelijke ' +
      'nadelige gevolgen voor de betrokkenen te beperken. U ontvangt ze in een aanvullende melding.',
    measuresOngoing:
      'Wij blijven zo snel als redelijkerwijs mogelijk passende corrigerende maatregelen nemen om een einde te ' +
      'maken aan de inbreuk en herhaling te voorkomen of te beperken (artikel 8.2 van onze Dataverwerkingspolicy). ' +
      'Meent u dat bijkomende maatregelen nodig zijn om de betrokkenen te beschermen, laat het ons dan weten.',
    clock: 'Uw eigen meldingstermijn van 72 uur (ter informatie)',
    clockText: (start, end) =>
      'Als deze inbreuk bij de toezichthoudende autoriteit gemeld moet worden (in België: de ' +
      'Gegevensbeschermingsautoriteit), is uw termijn van 72 uur (artikel 33, lid 1, AVG) beginnen te lopen ' +
      `toen u er kennis van kreeg, uiterlijk bij ontvangst van deze melding: ${start}. ` +
      `Die termijn verstrijkt dan op ${end}.`,
    clockGuidance:
      'Dit tijdstip is enkel een richtlijn. Als verwerkingsverantwoordelijke beoordeelt u zelf of en wanneer de ' +
      'inbreuk gemeld moet worden, en of u de betrokkenen moet inlichten (artikel 34 AVG). Wij verlenen u daarbij ' +
      'alle bijstand die wij kunnen (artikel 8.2 van onze Dataverwerkingspolicy).',
    phases: 'Verdere informatie in fasen',
    phasesText: (id) =>
      'Ons onderzoek loopt verder. Zoals artikel 33, lid 4, AVG toelaat, bezorgen wij u bijkomende informatie in ' +
      'fasen, zonder onnodige verdere vertraging, zodra ze beschikbaar is. Elke aanvullende melding vermeldt het ' +
      `incidentnummer ${id}, en na de afsluiting van het incident ontvangt u een eindrapport.`,
    acknowledge: 'Bevestig de ontvangst van deze melding',
    acknowledgeText: (email) =>
      `Wij vragen u de ontvangst van deze melding te bevestigen via ons platform of door te antwoorden aan ${email}. ` +
      'Zolang wij uw bevestiging niet hebben ontvangen, sturen wij u herinneringen.',
    acknowledgeLink: 'Ontvangst bevestigen',
    wrongRecipient:
      'Is deze melding niet voor u bestemd, of behandelt iemand anders binnen uw organisatie inbreuken in verband ' +
      'met persoonsgegevens, laat het ons dan onmiddellijk weten.',
  },
  fr: {
    subject: (id) =>
      `${common.fr.marker} Notification d'une violation de données à caractère personnel – incident ${id}`,
    intro: (customer) =>
      // "à <nom>" rather than "de <nom>": the name may need an elision ("d'Acme") that a template cannot make.
      `En notre qualité de sous-traitant, nous notifions à ${customer} une violation de données à caractère ` +
      'personnel portant sur des données que nous traitons pour son compte. Nous le faisons dans les meilleurs ' +
      "délais après en avoir pris connaissance, comme le prévoient l'article 8 de notre Politique de traitement " +
      "des données et l'article 33, paragraphe 2, du Règlement général sur la protection des données (RGPD).",
    awareAt: 'Prise de connaissance de la violation par nos soins',
    sentAt: 'Envoi de la présente notification',
    contractualDeadline: 'Échéance contractuelle de la présente notification',
    nature: '1. Nature de la violation (article 33, §\u00a03, a, RGPD)',
    dataCategories: 'Catégories de données à caractère personnel concernées',
    subjectCategories: 'Catégories de personnes concernées',
    subjectsApprox: 'Nombre approximatif de personnes concernées',
    recordsApprox: "Nombre approximatif d'enregistrements de données à caractère personnel concernés",
    followsWhenKnown:
      "Les éléments encore en cours d'évaluation vous seront communiqués dès que notre enquête le permettra.",
    contact: '2. Point de contact (article 33, §\u00a03, b, RGPD)',
    contactText: (email, id) =>
      "Pour obtenir davantage d'informations sur cette violation, vous pouvez contacter notre équipe Protection " +
      `des données à l'adresse ${email}. Merci de mentionner le numéro d'incident ${id} dans toute correspondance.`,
    consequences: '3. Conséquences probables (article 33, §\u00a03, c, RGPD)',
    consequencesPending:
      'Nous évaluons actuellement les conséquences probables de la violation pour les personnes concernées. ' +
      "Nous vous communiquerons notre évaluation dans une notification complémentaire dès qu'elle sera disponible.",
    measures: '4. Mesures prises ou proposées (article 33, §\u00a03, d, RGPD)',
    measuresIntro:
      'Pour remédier à la violation et en atténuer les éventuelles conséquences négatives pour les personnes ' +
      'concernées, nous avons pris ou proposons les mesures suivantes\u00a0:',
    measuresPending:
      'Nous déterminons actuellement les mesures nécessaires pour remédier à la violation et en atténuer les ' +
      'éventuelles conséquences négatives pour les personnes concernées. Elles vous seront communiquées dans une ' +
      'notification complémentaire.',
    measuresOngoing:
      'Nous continuons à prendre, aussi rapidement que raisonnablement possible, les mesures correctives ' +
      'appropriées pour mettre fin à la violation et en prévenir ou limiter la répétition (article 8.2 de notre ' +
      'Politique de traitement des données). Si vous estimez que des mesures supplémentaires sont nécessaires pour ' +
      'protéger les personnes concernées, merci de nous en faire part.',
    clock: 'Votre propre délai de notification de 72 heures (à titre indicatif)',
    clockText: (start, end) =>
      "Si cette violation doit être notifiée à l'autorité de contrôle (en Belgique\u00a0: l'Autorité de protection " +
      'des données), votre délai de 72 heures (article 33, paragraphe 1, du RGPD) a commencé à courir lorsque vous ' +
      `en avez pris connaissance, et au plus tard à la réception de la présente notification\u00a0: ${start}. ` +
      `Ce délai expire alors le ${end}.`,
    clockGuidance:
      "Cette date n'est donnée qu'à titre indicatif. Il vous appartient, en tant que responsable du traitement, " +
      "d'apprécier si et quand la violation doit être notifiée, et si les personnes concernées doivent en être " +
      "informées (article 34 du RGPD). Nous vous apporterons toute l'assistance possible à cet égard (article 8.2 " +
      'de notre Politique de traitement des données).',
    phases: 'Informations communiquées par étapes',
    phasesText: (id) =>
      "Notre enquête se poursuit. Comme le permet l'article 33, paragraphe 4, du RGPD, nous vous communiquerons " +
      "les informations complémentaires par étapes, sans autre retard indu, au fur et à mesure qu'elles seront " +
      `disponibles. Chaque notification complémentaire mentionnera le numéro d'incident ${id}, et un rapport final ` +
      "vous sera adressé à la clôture de l'incident.",
    acknowledge: 'Accusé de réception',
    acknowledgeText: (email) =>
      "Nous vous remercions d'accuser réception de la présente notification via notre plateforme ou en répondant " +
      `à ${email}. Tant que nous n'aurons pas reçu votre accusé de réception, nous vous enverrons des rappels.`,
    acknowledgeLink: 'Accuser réception',
    wrongRecipient:
      'Si cette notification ne vous est pas destinée, ou si une autre personne traite les violations de données ' +
      'à caractère personnel au sein de votre organisation, merci de nous en informer immédiatement.',
  },
  en: {
    subject: (id) => `${common.en.marker} Notification of a personal data breach – incident ${id}`,
    intro: (customer) =>
      `As processor for ${customer}, we are notifying you of a personal data breach affecting personal data that ` +
      'we process on your behalf. We do so without undue delay after becoming aware of it, as required by ' +
      'section 8 of our Data Processing Policy and Article 33(2) of the General Data Protection Regulation (GDPR).',
    awareAt: 'We became aware of the breach',
    sentAt: 'This notice was sent',
    contractualDeadline: 'Contractual deadline for this notice',
    nature: '1. Nature of the breach (Article 33(3)(a) GDPR)',
    dataCategories: 'Categories of personal data concerned',
    subjectCategories: 'Categories of data subjects concerned',
    subjectsApprox: 'Approximate number of data subjects concerned',
    recordsApprox: 'Approximate number of personal data records concerned',
    followsWhenKnown: 'We will send you any information that is not yet known as soon as our investigation allows.',
    contact: '2. Contact point (Article 33(3)(b) GDPR)',
    contactText: (email, id) =>
      `For more information about this breach, please contact our privacy team at ${email}. ` +
      `Please quote incident ${id} in all correspondence.`,
    consequences: '3. Likely consequences (Article 33(3)(c) GDPR)',
    consequencesPending:
      'We are currently assessing the likely consequences of the breach for the data subjects. ' +
      'We will send you our assessment in a follow-up notice as soon as it is available.',
    measures: '4. Measures taken or proposed (Article 33(3)(d) GDPR)',
    measuresIntro:
      'To address the breach and mitigate its possible adverse effects on the data subjects, we have taken or ' +
      'propose the following measures:',
    measuresPending:
      'We are currently determining the measures needed to address the breach and mitigate its possible adverse ' +
      'effects on the data subjects. We will send them to you in a follow-up notice.',
    measuresOngoing:
      'We continue to take appropriate corrective measures, as quickly as reasonably possible, to end the breach ' +
      'and to prevent or limit any recurrence (section 8.2 of our Data Processing Policy). If you believe further ' +
      'measures are needed to protect the data subjects, please let us know.',
    clock: 'Your own 72-hour notification period (for guidance)',
    clockText: (start, end) =>
      'If this breach must be reported to the supervisory authority (in Belgium: the Data Protection Authority), ' +
      'your 72-hour period (Article 33(1) GDPR) started when you became aware of it, at the latest on receipt of ' +
      `this notice: ${start}. That period then ends on ${end}.`,
    clockGuidance:
      'This date is given for guidance only. As controller, it is for you to assess whether and when the breach ' +
      'must be reported, and whether the data subjects must be informed (Article 34 GDPR). We will assist you ' +
      'with this as far as we can (section 8.2 of our Data Processing Policy).',
    phases: 'Further information in phases',
    phasesText: (id) =>
      'Our investigation is continuing. As Article 33(4) GDPR allows, we will provide further information in ' +
      `phases, without undue further delay, as it becomes available. Each follow-up will quote incident ${id}, and ` +
      'you will receive a final report when the incident is closed.',
    acknowledge: 'Please acknowledge receipt',
    acknowledgeText: (email) =>
      `Please acknowledge receipt of this notice through our platform or by replying to ${email}. ` +
      'Until we receive your acknowledgement, we will send you reminders.',
    acknowledgeLink: 'Acknowledge receipt',
    wrongRecipient:
      'If this notice is not intended for you, or if someone else in your organisation handles personal data ' +
      'breaches, please let us know immediately.',
  },
};

/** The initial notice to one affected customer (policy 8.1–8.2; GDPR Art. 33(2), 33(3), 33(4)). */
export function renderBreachNotice(facts: BreachNoticeFacts, language: Language): RenderedEmail {
  const copy = noticeCopy[language];
  const f = formatter(language, facts.timeZone);
  const measures = cleanItems(facts.measures);
  const subjectCategories = cleanItems(facts.subjectCategories);
  const consequences = facts.likelyConsequences?.trim() ?? '';
  const somethingUnknown =
    cleanItems(facts.dataCategories).length === 0 ||
    subjectCategories.length === 0 ||
    !isKnownCount(facts.subjectsApprox) ||
    !isKnownCount(facts.recordsApprox);

  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: f.copy.greeting },
    { kind: 'paragraph', text: copy.intro(facts.customerName) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.incident, value: facts.incidentId },
        { label: copy.awareAt, value: f.at(facts.awareAt) },
        { label: copy.sentAt, value: f.at(facts.noticeSentAt) },
        ...(facts.contractualDeadlineAt === undefined
          ? []
          : [{ label: copy.contractualDeadline, value: f.at(facts.contractualDeadlineAt) }]),
      ],
    },

    { kind: 'heading', text: copy.nature },
    { kind: 'paragraph', text: facts.summary.trim() },
    {
      kind: 'facts',
      rows: [
        { label: copy.dataCategories, value: f.list(facts.dataCategories) },
        { label: copy.subjectCategories, value: f.list(subjectCategories) },
        { label: copy.subjectsApprox, value: f.count(facts.subjectsApprox) },
        { label: copy.recordsApprox, value: f.count(facts.recordsApprox) },
      ],
    },
    ...(somethingUnknown ? [{ kind: 'paragraph', text: copy.followsWhenKnown } as const] : []),

    { kind: 'heading', text: copy.contact },
    { kind: 'paragraph', text: copy.contactText(facts.contactEmail, facts.incidentId) },

    { kind: 'heading', text: copy.consequences },
    { kind: 'paragraph', text: consequences === '' ? copy.consequencesPending : consequences },

    { kind: 'heading', text: copy.measures },
    ...(measures.length > 0
      ? [{ kind: 'paragraph', text: copy.measuresIntro } as const, { kind: 'list', items: measures } as const]
      : [{ kind: 'paragraph', text: copy.measuresPending } as const]),
    { kind: 'paragraph', text: copy.measuresOngoing },

    { kind: 'heading', text: copy.clock },
    { kind: 'paragraph', text: copy.clockText(f.at(facts.noticeSentAt), f.at(facts.controllerDeadlineAt)) },
    { kind: 'paragraph', text: copy.clockGuidance },

    { kind: 'heading', text: copy.phases },
    { kind: 'paragraph', text: copy.phasesText(facts.incidentId) },

    { kind: 'heading', text: copy.acknowledge },
    { kind: 'paragraph', text: copy.acknowledgeText(facts.contactEmail) },
    ...acknowledgeAction(facts.acknowledgeUrl, copy.acknowledgeLink),
    { kind: 'paragraph', text: copy.wrongRecipient },

    { kind: 'paragraph', text: f.copy.signOff },
    { kind: 'note', text: f.copy.confidential },
  ];
  return renderEmail({ language, subject: copy.subject(facts.incidentId), blocks });
}

function acknowledgeAction(url: string | undefined, label: string): EmailBlock[] {
  return url === undefined || url.trim() === '' ? [] : [{ kind: 'action', label, url: url.trim() }];
}

// ---------------------------------------------------------------------------------------------
// 2. Reminder: the customer has not acknowledged the notice yet

type ReminderCopy = {
  subject(incidentId: string, reminderNumber: number): string;
  intro(customerName: string, sentAt: string, incidentId: string, reminderNumber: number): string;
  keyFacts: string;
  awareAt: string;
  nature: string;
  dataCategories: string;
  subjectsApprox: string;
  measures: string;
  clockText(sentAt: string, end: string): string;
  request(email: string): string;
  acknowledgeLink: string;
  notReceived: string;
};

const reminderCopy: Record<Language, ReminderCopy> = {
  nl: {
    subject: (id, n) => `${common.nl.marker} Herinnering ${n}: bevestig de ontvangst van onze melding – incident ${id}`,
    intro: (customer, sentAt, id, n) =>
      `Op ${sentAt} hebben wij ${customer} een inbreuk in verband met persoonsgegevens gemeld (incident ${id}). ` +
      `Wij hebben nog geen bevestiging van ontvangst gekregen; dit is herinnering nummer ${n}.`,
    keyFacts: 'De belangrijkste gegevens',
    awareAt: 'Kennisname van de inbreuk door ons',
    nature: 'Aard van de inbreuk',
    dataCategories: 'Betrokken categorieën van persoonsgegevens',
    subjectsApprox: 'Geschat aantal betrokkenen',
    measures: 'Genomen of voorgestelde maatregelen:',
    clockText: (sentAt, end) =>
      'Als deze inbreuk bij de toezichthoudende autoriteit gemeld moet worden, loopt uw termijn van 72 uur sinds ' +
      `u er kennis van kreeg, uiterlijk sinds de ontvangst van onze melding op ${sentAt}. Ter informatie: die ` +
      `termijn verstrijkt dan uiterlijk op ${end}.`,
    request: (email) =>
      `Wilt u de ontvangst zo snel mogelijk bevestigen via ons platform of door te antwoorden aan ${email}? ` +
      'Zo weten wij zeker dat de melding de juiste personen heeft bereikt.',
    acknowledgeLink: 'Ontvangst bevestigen',
    notReceived:
      'Hebt u onze melding niet ontvangen, of behandelt iemand anders binnen uw organisatie inbreuken in verband ' +
      'met persoonsgegevens, laat het ons dan onmiddellijk weten. Wij bezorgen u dan de volledige melding opnieuw.',
  },
  fr: {
    subject: (id, n) =>
      `${common.fr.marker} Rappel n°\u00a0${n}\u00a0: merci d'accuser réception de notre notification – incident ${id}`,
    intro: (customer, sentAt, id, n) =>
      `Le ${sentAt}, nous avons notifié à ${customer} une violation de données à caractère personnel ` +
      `(incident ${id}). Nous n'avons pas encore reçu d'accusé de réception\u00a0; il s'agit de notre rappel ` +
      `n°\u00a0${n}.`,
    keyFacts: 'Informations essentielles',
    awareAt: 'Prise de connaissance de la violation par nos soins',
    nature: 'Nature de la violation',
    dataCategories: 'Catégories de données à caractère personnel concernées',
    subjectsApprox: 'Nombre approximatif de personnes concernées',
    measures: 'Mesures prises ou proposées\u00a0:',
    clockText: (sentAt, end) =>
      "Si cette violation doit être notifiée à l'autorité de contrôle, votre délai de 72 heures court depuis que " +
      `vous en avez pris connaissance, et au plus tard depuis la réception de notre notification le ${sentAt}. ` +
      `À titre indicatif, ce délai expire alors au plus tard le ${end}.`,
    request: (email) =>
      "Nous vous remercions d'en accuser réception dans les meilleurs délais via notre plateforme ou en répondant " +
      `à ${email}. Nous aurons ainsi la certitude que la notification est parvenue aux bonnes personnes.`,
    acknowledgeLink: 'Accuser réception',
    notReceived:
      "Si vous n'avez pas reçu notre notification, ou si une autre personne traite les violations de données à " +
      'caractère personnel au sein de votre organisation, merci de nous en informer immédiatement. Nous vous ' +
      'renverrons alors la notification complète.',
  },
  en: {
    subject: (id, n) => `${common.en.marker} Reminder ${n}: please acknowledge our notice – incident ${id}`,
    intro: (customer, sentAt, id, n) =>
      `On ${sentAt}, we notified ${customer} of a personal data breach (incident ${id}). ` +
      `We have not yet received an acknowledgement of receipt; this is reminder number ${n}.`,
    keyFacts: 'Key facts',
    awareAt: 'We became aware of the breach',
    nature: 'Nature of the breach',
    dataCategories: 'Categories of personal data concerned',
    subjectsApprox: 'Approximate number of data subjects concerned',
    measures: 'Measures taken or proposed:',
    clockText: (sentAt, end) =>
      'If this breach must be reported to the supervisory authority, your 72-hour period has been running since ' +
      `you became aware of it, at the latest since you received our notice on ${sentAt}. For guidance: that ` +
      `period then ends at the latest on ${end}.`,
    request: (email) =>
      `Please acknowledge receipt as soon as possible through our platform or by replying to ${email}, ` +
      'so that we know the notice has reached the right people.',
    acknowledgeLink: 'Acknowledge receipt',
    notReceived:
      'If you did not receive our notice, or if someone else in your organisation handles personal data breaches, ' +
      'please let us know immediately and we will send you the full notice again.',
  },
};

/** A reminder that the notice has not been acknowledged yet; repeats its key facts briefly. */
export function renderBreachReminder(facts: BreachReminderFacts, language: Language): RenderedEmail {
  const copy = reminderCopy[language];
  const f = formatter(language, facts.timeZone);
  const measures = cleanItems(facts.measures);
  const sentAt = f.at(facts.noticeSentAt);

  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: f.copy.greeting },
    { kind: 'paragraph', text: copy.intro(facts.customerName, sentAt, facts.incidentId, facts.reminderNumber) },
    ...acknowledgeAction(facts.acknowledgeUrl, copy.acknowledgeLink),
    { kind: 'heading', text: copy.keyFacts },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.incident, value: facts.incidentId },
        { label: copy.awareAt, value: f.at(facts.awareAt) },
        { label: copy.nature, value: facts.summary.trim() },
        { label: copy.dataCategories, value: f.list(facts.dataCategories) },
        { label: copy.subjectsApprox, value: f.count(facts.subjectsApprox) },
      ],
    },
    ...(measures.length > 0
      ? [{ kind: 'paragraph', text: copy.measures } as const, { kind: 'list', items: measures } as const]
      : []),
    { kind: 'paragraph', text: copy.clockText(sentAt, f.at(facts.controllerDeadlineAt)) },
    { kind: 'paragraph', text: copy.request(facts.contactEmail) },
    { kind: 'paragraph', text: copy.notReceived },
    { kind: 'paragraph', text: f.copy.signOff },
    { kind: 'note', text: f.copy.confidential },
  ];
  return renderEmail({ language, subject: copy.subject(facts.incidentId, facts.reminderNumber), blocks });
}

// ---------------------------------------------------------------------------------------------
// 3. Follow-up: information provided in phases (GDPR Art. 33(4))

type UpdateCopy = {
  subject(incidentId: string): string;
  intro(customerName: string, incidentId: string): string;
  sentAt: string;
  status: string;
  contained: string;
  notContained: string;
  update: string;
  measures: string;
  measuresIntro: string;
  noNewMeasures: string;
  next(contained: boolean | undefined): string;
  use(email: string, incidentId: string): string;
};

const updateCopy: Record<Language, UpdateCopy> = {
  nl: {
    subject: (id) => `${common.nl.marker} Aanvullende informatie – incident ${id}`,
    intro: (customer, id) =>
      `In aanvulling op onze eerdere melding aan ${customer} over incident ${id} bezorgen wij u nieuwe informatie ` +
      'over de inbreuk in verband met persoonsgegevens. Wij verstrekken de informatie in fasen, zodra ze ' +
      'beschikbaar is (artikel 33, lid 4, AVG).',
    sentAt: 'Verzending van deze aanvulling',
    status: 'Stand van zaken',
    contained: 'De inbreuk is ingeperkt.',
    notContained: 'De inbreuk is nog niet ingeperkt.',
    update: 'Nieuwe informatie',
    measures: 'Genomen of voorgestelde maatregelen',
    measuresIntro:
      'Om de inbreuk aan te pakken en de mogelijke nadelige gevolgen voor de betrokkenen te beperken, hebben wij ' +
      'tot nu toe de volgende maatregelen genomen of voorgesteld:',
    noNewMeasures: 'Sinds onze vorige melding zijn er geen nieuwe maatregelen.',
    next: (contained) =>
      contained === true
        ? 'Wij blijven de situatie opvolgen en bezorgen u een eindrapport zodra het incident is afgesloten.'
        : contained === false
          ? 'Wij werken verder aan de inperking van de inbreuk en houden u op de hoogte van elke belangrijke ontwikkeling.'
          : 'Wij houden u op de hoogte van elke belangrijke ontwikkeling en bezorgen u een eindrapport zodra het ' +
            'incident is afgesloten.',
    use: (email, id) =>
      'Hebt u de inbreuk bij de toezichthoudende autoriteit gemeld, dan kunt u deze informatie gebruiken om uw ' +
      `melding aan te vullen. Voor vragen kunt u terecht bij ons privacyteam via ${email}; vermeld daarbij het ` +
      `incidentnummer ${id}.`,
  },
  fr: {
    subject: (id) => `${common.fr.marker} Informations complémentaires – incident ${id}`,
    intro: (customer, id) =>
      `Pour faire suite à notre notification adressée à ${customer} concernant l'incident ${id}, nous vous ` +
      'communiquons de nouvelles informations sur la violation de données à caractère personnel. Nous vous ' +
      "transmettons les informations par étapes, au fur et à mesure qu'elles sont disponibles (article 33, " +
      'paragraphe 4, du RGPD).',
    sentAt: 'Envoi du présent complément',
    status: 'État de la situation',
    contained: 'La violation est maîtrisée.',
    notContained: "La violation n'est pas encore maîtrisée.",
    update: 'Nouvelles informations',
    measures: 'Mesures prises ou proposées',
    measuresIntro:
      'Pour remédier à la violation et en atténuer les éventuelles conséquences négatives pour les personnes ' +
      'concernées, nous avons pris ou proposons à ce jour les mesures suivantes\u00a0:',
    noNewMeasures: 'Aucune nouvelle mesure depuis notre précédente notification.',
    next: (contained) =>
      contained === true
        ? "Nous continuons à suivre la situation et vous adresserons un rapport final dès la clôture de l'incident."
        : contained === false
          ? 'Nous poursuivons nos efforts pour maîtriser la violation et vous tiendrons informés de toute évolution ' +
            'importante.'
          : 'Nous vous tiendrons informés de toute évolution importante et vous adresserons un rapport final dès la ' +
            "clôture de l'incident.",
    use: (email, id) =>
      "Si vous avez notifié la violation à l'autorité de contrôle, ces informations peuvent vous servir à " +
      'compléter votre notification. Pour toute question, notre équipe Protection des données est joignable à ' +
      `l'adresse ${email}\u00a0; merci de mentionner le numéro d'incident ${id}.`,
  },
  en: {
    subject: (id) => `${common.en.marker} Further information – incident ${id}`,
    intro: (customer, id) =>
      `Further to our notice to ${customer} about incident ${id}, we are sending you new information about the ` +
      'personal data breach. We provide the information in phases, as it becomes available (Article 33(4) GDPR).',
    sentAt: 'This update was sent',
    status: 'Status',
    contained: 'The breach has been contained.',
    notContained: 'The breach has not yet been contained.',
    update: 'New information',
    measures: 'Measures taken or proposed',
    measuresIntro:
      'To address the breach and mitigate its possible adverse effects on the data subjects, we have so far taken ' +
      'or propose the following measures:',
    noNewMeasures: 'There are no new measures since our previous notice.',
    next: (contained) =>
      contained === true
        ? 'We continue to monitor the situation and will send you a final report once the incident is closed.'
        : contained === false
          ? 'We are continuing our work to contain the breach and will keep you informed of any significant development.'
          : 'We will keep you informed of any significant development and will send you a final report once the ' +
            'incident is closed.',
    use: (email, id) =>
      'If you have reported the breach to the supervisory authority, you can use this information to supplement ' +
      `your notification. For any questions, please contact our privacy team at ${email}, quoting incident ${id}.`,
  },
};

/** A follow-up with information that was not available at the time of the notice (GDPR Art. 33(4)). */
export function renderBreachUpdate(facts: BreachUpdateFacts, language: Language): RenderedEmail {
  const copy = updateCopy[language];
  const f = formatter(language, facts.timeZone);
  const measures = cleanItems(facts.measures);

  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: f.copy.greeting },
    { kind: 'paragraph', text: copy.intro(facts.customerName, facts.incidentId) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.incident, value: facts.incidentId },
        { label: copy.sentAt, value: f.at(facts.sentAt) },
        ...(facts.contained === undefined
          ? []
          : [{ label: copy.status, value: facts.contained ? copy.contained : copy.notContained }]),
      ],
    },
    { kind: 'heading', text: copy.update },
    { kind: 'paragraph', text: facts.update.trim() },
    { kind: 'heading', text: copy.measures },
    ...(measures.length > 0
      ? [{ kind: 'paragraph', text: copy.measuresIntro } as const, { kind: 'list', items: measures } as const]
      : [{ kind: 'paragraph', text: copy.noNewMeasures } as const]),
    { kind: 'paragraph', text: copy.next(facts.contained) },
    { kind: 'paragraph', text: copy.use(facts.contactEmail, facts.incidentId) },
    { kind: 'paragraph', text: f.copy.signOff },
    { kind: 'note', text: f.copy.confidential },
  ];
  return renderEmail({ language, subject: copy.subject(facts.incidentId), blocks });
}

// ---------------------------------------------------------------------------------------------
// 4. Final report: the incident is closed (the controller documents it under GDPR Art. 33(5))

type FinalReportCopy = {
  subject(incidentId: string): string;
  intro(customerName: string, incidentId: string): string;
  closedAt: string;
  report: string;
  measures: string;
  measuresIntro: string;
  measuresInReport: string;
  keep: string;
  questions(email: string, incidentId: string): string;
};

const finalReportCopy: Record<Language, FinalReportCopy> = {
  nl: {
    subject: (id) => `${common.nl.marker} Eindrapport – incident ${id} afgesloten`,
    intro: (customer, id) =>
      `Wij hebben incident ${id} afgesloten. Hieronder vindt u ons eindrapport over de inbreuk in verband met ` +
      `persoonsgegevens die wij eerder aan ${customer} hebben gemeld.`,
    closedAt: 'Afgesloten op',
    report: 'Eindrapport',
    measures: 'Genomen maatregelen',
    measuresIntro:
      'Om de inbreuk te verhelpen, de gevolgen voor de betrokkenen te beperken en herhaling te voorkomen, hebben ' +
      'wij de volgende maatregelen genomen:',
    measuresInReport: 'De maatregelen die wij hebben genomen, staan beschreven in het eindrapport hierboven.',
    keep:
      'Wij raden u aan dit rapport te bewaren bij uw documentatie van inbreuken in verband met persoonsgegevens ' +
      '(artikel 33, lid 5, AVG). Hebt u de inbreuk bij de toezichthoudende autoriteit gemeld, dan kunt u dit ' +
      'rapport gebruiken om uw melding te vervolledigen.',
    questions: (email, id) =>
      'Hebt u nog vragen over dit incident of hebt u verdere bijstand nodig, neem dan contact op met ons ' +
      `privacyteam via ${email} en vermeld daarbij het incidentnummer ${id}.`,
  },
  fr: {
    subject: (id) => `${common.fr.marker} Rapport final – incident ${id} clôturé`,
    intro: (customer, id) =>
      `Nous avons clôturé l'incident ${id}. Vous trouverez ci-dessous notre rapport final sur la violation de ` +
      `données à caractère personnel que nous avons précédemment notifiée à ${customer}.`,
    closedAt: 'Date de clôture',
    report: 'Rapport final',
    measures: 'Mesures prises',
    measuresIntro:
      'Pour remédier à la violation, en limiter les conséquences pour les personnes concernées et en prévenir la ' +
      'répétition, nous avons pris les mesures suivantes\u00a0:',
    measuresInReport: 'Les mesures que nous avons prises sont décrites dans le rapport final ci-dessus.',
    keep:
      'Nous vous recommandons de conserver ce rapport dans votre documentation des violations de données à ' +
      "caractère personnel (article 33, paragraphe 5, du RGPD). Si vous avez notifié la violation à l'autorité de " +
      'contrôle, ce rapport peut vous servir à compléter votre notification.',
    questions: (email, id) =>
      "Pour toute question sur cet incident ou si vous avez besoin d'une assistance complémentaire, notre équipe " +
      `Protection des données reste à votre disposition à l'adresse ${email}\u00a0; merci de mentionner le ` +
      `numéro d'incident ${id}.`,
  },
  en: {
    subject: (id) => `${common.en.marker} Final report – incident ${id} closed`,
    intro: (customer, id) =>
      `We have closed incident ${id}. Below is our final report on the personal data breach that we previously ` +
      `notified to ${customer}.`,
    closedAt: 'Closed on',
    report: 'Final report',
    measures: 'Measures taken',
    measuresIntro:
      'To remedy the breach, limit its consequences for the data subjects and prevent it from happening again, ' +
      'we have taken the following measures:',
    measuresInReport: 'The measures we have taken are described in the final report above.',
    keep:
      'We recommend that you keep this report with your documentation of personal data breaches (Article 33(5) ' +
      'GDPR). If you reported the breach to the supervisory authority, you can use this report to complete your ' +
      'notification.',
    questions: (email, id) =>
      'If you have any further questions about this incident or need further assistance, please contact our ' +
      `privacy team at ${email}, quoting incident ${id}.`,
  },
};

/** The final report sent to every affected customer when the incident is closed. */
export function renderBreachFinalReport(facts: BreachFinalReportFacts, language: Language): RenderedEmail {
  const copy = finalReportCopy[language];
  const f = formatter(language, facts.timeZone);
  const measures = cleanItems(facts.measures);

  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: f.copy.greeting },
    { kind: 'paragraph', text: copy.intro(facts.customerName, facts.incidentId) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.incident, value: facts.incidentId },
        { label: copy.closedAt, value: f.at(facts.closedAt) },
      ],
    },
    { kind: 'heading', text: copy.report },
    { kind: 'paragraph', text: facts.finalReport.trim() },
    { kind: 'heading', text: copy.measures },
    ...(measures.length > 0
      ? [{ kind: 'paragraph', text: copy.measuresIntro } as const, { kind: 'list', items: measures } as const]
      : [{ kind: 'paragraph', text: copy.measuresInReport } as const]),
    { kind: 'paragraph', text: copy.keep },
    { kind: 'paragraph', text: copy.questions(facts.contactEmail, facts.incidentId) },
    { kind: 'paragraph', text: f.copy.signOff },
    { kind: 'note', text: f.copy.confidential },
  ];
  return renderEmail({ language, subject: copy.subject(facts.incidentId), blocks });
}

// ---------------------------------------------------------------------------------------------
// 5. Internal alert to the processor's privacy team (English; identifiers only, no personal data)

const alertCopy: Record<PrivacyTeamAlertKind, { title: string; action: string }> = {
  'acknowledgement-overdue': {
    title: 'Breach notice not acknowledged',
    action:
      'The customer has not acknowledged the breach notice despite reminders. Reach its privacy contact by ' +
      'another channel (telephone, account manager), confirm that the notice arrived, and record the outcome.',
  },
  'notice-undeliverable': {
    title: 'Breach notice could not be delivered',
    action:
      'The notice email could not be delivered. Check the contact details on the customer record, tell the ' +
      'customer by another channel without undue delay (policy 8.2; GDPR Art. 33(2)), and record how and when ' +
      'it was told.',
  },
  'contractual-deadline-at-risk': {
    title: 'Contractual notice deadline at risk',
    action:
      "The customer's contract sets a deadline for notifying it of a breach, and that deadline is close or has " +
      'passed without a delivered notice. Make sure the customer is told before the deadline, and record it.',
  },
  'status-update-due': {
    title: 'Breach status update due',
    action:
      'Affected customers are owed further information in phases (GDPR Art. 33(4)). Send an update ' +
      '(breach.updated) or close the incident with a final report (breach.closed).',
  },
  'final-report-undeliverable': {
    title: 'Final breach report could not be delivered',
    action:
      'No contact of the customer accepted the final report of the incident (policy 8.2). Check the contact ' +
      'details on the customer record, send the report by another channel, and record how and when it was sent.',
  },
  'no-customer-record': {
    title: 'No customer record for an affected customer',
    action:
      'A breach names a customer for which there is no customer record (language, contacts), so no notice could ' +
      'be sent. Create the record (customer.upserted) or tell the customer by another channel without undue ' +
      'delay, and record how and when it was told.',
  },
};

/** An internal alert; English only, because the privacy team is internal. */
export function renderPrivacyTeamAlert(facts: PrivacyTeamAlertFacts): RenderedEmail {
  const copy = alertCopy[facts.kind];
  // The workflow ids of PRODUCT.md, so that the case can be found in the Temporal Web UI.
  const workflowId =
    facts.customerId === undefined ? workflowIds.breach(facts.incidentId) : workflowIds.breachNotice(facts.incidentId, facts.customerId);
  // Shown in the policy's home zone, with the stored UTC instant for exactness.
  const dueAt =
    facts.dueAt === undefined
      ? []
      : [{ label: 'Due at', value: `${formatInstant(facts.dueAt, 'en', defaultTimeZone)} (${facts.dueAt})` }];

  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: `${copy.title}.` },
    {
      kind: 'facts',
      rows: [
        { label: 'Alert', value: facts.kind },
        { label: 'Incident', value: facts.incidentId },
        ...(facts.customerId === undefined ? [] : [{ label: 'Customer id', value: facts.customerId }]),
        ...dueAt,
        { label: 'Workflow id', value: workflowId },
      ],
    },
    { kind: 'heading', text: 'Detail' },
    { kind: 'paragraph', text: facts.detail.trim() },
    { kind: 'heading', text: 'What to do' },
    { kind: 'paragraph', text: copy.action },
    {
      kind: 'note',
      text:
        'Sent automatically by the DPA orchestrator. It carries identifiers only; open the workflow in the ' +
        'Temporal Web UI for the case and its history.',
    },
  ];
  const customer = facts.customerId === undefined ? '' : `, customer ${facts.customerId}`;
  return renderEmail({
    language: 'en',
    subject: `[Privacy team] ${copy.title} – incident ${facts.incidentId}${customer}`,
    blocks,
  });
}
