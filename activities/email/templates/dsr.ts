/**
 * Emails of the data subject request process (policy 8.1, 10.1–10.2; GDPR Art. 12(3), 28(3)(e)): the
 * immediate notice to the customer (the controller), reminders while its written instruction is
 * awaited, the confirmation of an extension and of the closure, the one confirmation the data subject
 * may receive (10.2), and internal alerts to the processor's privacy team.
 *
 * Every function is pure: same facts, same email. Each language's text is written in full (no machine
 * translation) and fills the same copy type, so the compiler refuses a language that lacks a passage.
 * The subject's email address is never part of any email's content.
 */
import type { DsrAction, DsrInstruction, DsrRequestType } from '../../../domain/dsr';
import { defaultTimeZone, type Language } from '../../../domain/language';
import { formatInstant } from '../format';
import { renderEmail, type EmailBlock, type RenderedEmail } from './rendered-email';

export type { RenderedEmail } from './rendered-email';

// ---------------------------------------------------------------------------------------------
// Facts

/** What every customer email of one request shows. */
export type DsrCaseFacts = {
  customerName: string;
  requestId: string;
  requestType: DsrRequestType;
  /** ISO UTC: when the request reached the processor. */
  receivedAt: string;
  /** ISO UTC: the controller's current deadline (Art. 12(3)), extensions included. */
  deadlineAt: string;
  /** The customer's IANA time zone; every instant is shown in it. */
  timeZone: string;
  /** The processor's privacy team. */
  contactEmail: string;
};

export type DsrNoticeFacts = DsrCaseFacts & {
  /** Whether the product gave the subject's address, so that the subject gets the 10.2 confirmation. */
  subjectWillBeConfirmed: boolean;
};

export type DsrExtensionFacts = DsrCaseFacts & {
  /** This extension. */
  extraMonths: number;
  /** All extensions so far, this one included (two at most). */
  extensionMonths: number;
  originalDeadlineAt: string;
  reason?: string;
};

export type DsrClosureFacts = DsrCaseFacts & {
  closedAt: string;
  outcome: { kind: 'carried-out'; action: DsrAction; completedAt: string } | { kind: 'handled-by-customer' };
};

export type DsrSubjectConfirmationFacts = { customerName: string };

export type DsrPrivacyTeamAlertKind =
  | 'no-customer-record'
  | 'notice-undeliverable'
  | 'deadline-passed'
  | 'product-webhook-not-configured'
  | 'product-request-failed'
  | 'action-unconfirmed'
  | 'action-overdue';

export type DsrPrivacyTeamAlertFacts = {
  kind: DsrPrivacyTeamAlertKind;
  requestId: string;
  customerId: string;
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
  reference: string;
  requestType: string;
  receivedAt: string;
  deadline: string;
  requestTypes: Record<DsrRequestType, string>;
  /** What each instruction means, as the customer chooses among them. */
  instructions: Record<DsrInstruction, string>;
  months(count: number): string;
  questions(email: string, requestId: string): string;
};

const common: Record<Language, CommonCopy> = {
  nl: {
    marker: '[Verzoek betrokkene]',
    greeting: 'Geachte heer, mevrouw,',
    signOff: 'Met vriendelijke groet,\nHet privacyteam',
    confidential:
      'Deze e-mail gaat over een verzoek van een betrokkene. Behandel hem volgens uw eigen privacyprocedures ' +
      'en deel hem alleen met wie het verzoek moet behandelen.',
    reference: 'Referentie van het verzoek',
    requestType: 'Soort verzoek',
    receivedAt: 'Door ons ontvangen op',
    deadline: 'Uw uiterste antwoorddatum (artikel 12, lid 3, AVG)',
    requestTypes: {
      access: 'Recht van inzage (artikel 15 AVG)',
      rectification: 'Recht op rectificatie (artikel 16 AVG)',
      erasure: 'Recht op gegevenswissing (artikel 17 AVG)',
      restriction: 'Recht op beperking van de verwerking (artikel 18 AVG)',
      portability: 'Recht op overdraagbaarheid van gegevens (artikel 20 AVG)',
      objection: 'Recht van bezwaar (artikel 21 AVG)',
    },
    instructions: {
      respond:
        'antwoorden: wij verzamelen de persoonsgegevens van de betrokkene en stellen ze via ons platform ter ' +
        'beschikking, zodat u de betrokkene kunt antwoorden;',
      rectify: 'rectificeren: wij corrigeren of vervolledigen de persoonsgegevens zoals u aangeeft;',
      erase: 'wissen: wij verwijderen de persoonsgegevens van de betrokkene;',
      restrict: 'beperken: wij beperken de verwerking van de persoonsgegevens van de betrokkene;',
      'handled-by-customer': 'zelf behandelen: u behandelt het verzoek zelf en wij sluiten het dossier zonder verdere actie.',
    },
    months: (count) => (count === 1 ? '1 maand' : `${count} maanden`),
    questions: (email, id) =>
      `Hebt u vragen, neem dan contact op met ons privacyteam via ${email} en vermeld daarbij de referentie ${id}.`,
  },
  fr: {
    marker: '[Demande de personne concernée]',
    greeting: 'Madame, Monsieur,',
    signOff: "Cordialement,\nL'équipe Protection des données",
    confidential:
      "Ce courriel concerne la demande d'une personne concernée. Merci de le traiter conformément à vos propres " +
      "procédures de protection des données et de ne le partager qu'avec les personnes chargées de la demande.",
    reference: 'Référence de la demande',
    requestType: 'Type de demande',
    receivedAt: 'Reçue par nos soins le',
    deadline: 'Votre date limite de réponse (article 12, §\u00a03, du RGPD)',
    requestTypes: {
      access: "Droit d'accès (article 15 du RGPD)",
      rectification: 'Droit de rectification (article 16 du RGPD)',
      erasure: "Droit à l'effacement (article 17 du RGPD)",
      restriction: 'Droit à la limitation du traitement (article 18 du RGPD)',
      portability: 'Droit à la portabilité des données (article 20 du RGPD)',
      objection: "Droit d'opposition (article 21 du RGPD)",
    },
    instructions: {
      respond:
        'répondre\u00a0: nous rassemblons les données à caractère personnel de la personne concernée et les mettons ' +
        'à votre disposition sur notre plateforme, afin que vous puissiez lui répondre\u00a0;',
      rectify: 'rectifier\u00a0: nous corrigeons ou complétons les données à caractère personnel selon vos indications\u00a0;',
      erase: 'effacer\u00a0: nous supprimons les données à caractère personnel de la personne concernée\u00a0;',
      restrict: 'limiter\u00a0: nous limitons le traitement des données à caractère personnel de la personne concernée\u00a0;',
      'handled-by-customer':
        'traiter vous-même\u00a0: vous vous chargez de la demande et nous clôturons le dossier sans autre action.',
    },
    months: (count) => `${count} mois`,
    questions: (email, id) =>
      'Pour toute question, vous pouvez contacter notre équipe Protection des données à ' +
      `l'adresse ${email}, en mentionnant la référence ${id}.`,
  },
  en: {
    marker: '[Data subject request]',
    greeting: 'Dear Sir or Madam,',
    signOff: 'Kind regards,\nThe privacy team',
    confidential:
      'This email concerns a request from a data subject. Please handle it under your own data protection ' +
      'procedures and share it only with those who deal with the request.',
    reference: 'Request reference',
    requestType: 'Type of request',
    receivedAt: 'Received by us',
    deadline: 'Your deadline to respond (Article 12(3) GDPR)',
    requestTypes: {
      access: 'Right of access (Article 15 GDPR)',
      rectification: 'Right to rectification (Article 16 GDPR)',
      erasure: 'Right to erasure (Article 17 GDPR)',
      restriction: 'Right to restriction of processing (Article 18 GDPR)',
      portability: 'Right to data portability (Article 20 GDPR)',
      objection: 'Right to object (Article 21 GDPR)',
    },
    instructions: {
      respond:
        'respond: we gather the personal data of the data subject and make it available to you in our platform, ' +
        'so that you can answer the data subject;',
      rectify: 'rectify: we correct or complete the personal data as you specify;',
      erase: 'erase: we delete the personal data of the data subject;',
      restrict: 'restrict: we restrict the processing of the personal data of the data subject;',
      'handled-by-customer': 'handle it yourself: you deal with the request and we close it without further action.',
    },
    months: (count) => (count === 1 ? '1 month' : `${count} months`),
    questions: (email, id) => `If you have any questions, please contact our privacy team at ${email}, quoting reference ${id}.`,
  },
};

const instructionOrder: readonly DsrInstruction[] = ['respond', 'rectify', 'erase', 'restrict', 'handled-by-customer'];

/** Formatting bound to one email's language and the customer's time zone. */
function formatter(language: Language, timeZone: string) {
  return { copy: common[language], at: (instantIso: string) => formatInstant(instantIso, language, timeZone) };
}

function caseRows(facts: DsrCaseFacts, language: Language): Array<{ label: string; value: string }> {
  const f = formatter(language, facts.timeZone);
  return [
    { label: f.copy.reference, value: facts.requestId },
    { label: f.copy.requestType, value: f.copy.requestTypes[facts.requestType] },
    { label: f.copy.receivedAt, value: f.at(facts.receivedAt) },
    { label: f.copy.deadline, value: f.at(facts.deadlineAt) },
  ];
}

function instructionList(language: Language): EmailBlock {
  return { kind: 'list', items: instructionOrder.map((instruction) => common[language].instructions[instruction]) };
}

// ---------------------------------------------------------------------------------------------
// 1. The notice to the customer (policy 10.2: "onmiddellijk"; GDPR Art. 28(3)(e))

type NoticeCopy = {
  subject(requestId: string): string;
  intro(customerName: string): string;
  toldSubject: string;
  subjectConfirmed(customerName: string): string;
  subjectNoAddress: string;
  instructionHeading: string;
  instructionIntro: string;
  instructionOther(email: string): string;
  deadlineHeading: string;
  deadlineText(deadline: string): string;
  extensionText: string;
  reminders: string;
};

const noticeCopy: Record<Language, NoticeCopy> = {
  nl: {
    subject: (id) => `${common.nl.marker} Een betrokkene heeft ons gecontacteerd – verzoek ${id}`,
    intro: (customer) =>
      `Als verwerker voor ${customer} laten wij u onmiddellijk weten dat een betrokkene ons heeft gecontacteerd ` +
      'om zijn of haar rechten uit te oefenen op grond van de Algemene Verordening Gegevensbescherming (AVG), ' +
      'met betrekking tot persoonsgegevens die wij namens u verwerken, zoals artikel 10.2 van onze ' +
      'Dataverwerkingspolicy en artikel 28, lid 3, e, AVG voorschrijven.',
    toldSubject: 'Wat wij de betrokkene hebben gemeld',
    subjectConfirmed: (customer) =>
      `Wij hebben de betrokkene enkel bevestigd dat het verzoek betrekking heeft op ${customer} en dat wij het aan ` +
      'u hebben doorgestuurd. Wij hebben het verzoek niet beantwoord en de betrokkene niets anders meegedeeld.',
    subjectNoAddress:
      'De betrokkene heeft ons geen e-mailadres gegeven; wij hebben hem of haar dus niet geantwoord. Op het verzoek ' +
      'zelf zijn wij niet ingegaan.',
    instructionHeading: 'Zonder uw schriftelijke instructie gebeurt er niets',
    instructionIntro:
      'Volgens artikel 10.2 van onze Dataverwerkingspolicy gaan wij niet in op een verzoek van een betrokkene ' +
      'zonder uw voorafgaande schriftelijke toestemming. Bezorg ons uw instructie via ons platform en vermeld ' +
      'daarbij de referentie hierboven. U kunt ons vragen om:',
    instructionOther: (email) => `Kunt u het platform niet gebruiken, stuur uw schriftelijke instructie dan naar ${email}.`,
    deadlineHeading: 'Uw termijn',
    deadlineText: (deadline) =>
      'Als verwerkingsverantwoordelijke moet u de betrokkene onverwijld en uiterlijk binnen een maand na ontvangst ' +
      'van het verzoek informeren over het gevolg dat eraan gegeven is (artikel 12, lid 3, AVG). Voor dit verzoek ' +
      `is dat uiterlijk ${deadline}.`,
    extensionText:
      'Afhankelijk van de complexiteit van het verzoek en het aantal verzoeken kan die termijn indien nodig met ' +
      'nog eens twee maanden worden verlengd. U moet de betrokkene dan binnen de eerste maand op de hoogte brengen ' +
      'van de verlenging en van de redenen van de vertraging. Verlengt u de termijn, laat het ons dan weten via het ' +
      'platform, zodat onze herinneringen de nieuwe datum volgen.',
    reminders: 'Zolang wij uw instructie niet hebben ontvangen, sturen wij u herinneringen vóór de uiterste datum.',
  },
  fr: {
    subject: (id) => `${common.fr.marker} Une personne concernée nous a contactés – demande ${id}`,
    intro: (customer) =>
      // "à <nom>" rather than "de <nom>": the name may need an elision ("d'Acme") that a template cannot make.
      `En notre qualité de sous-traitant, nous signalons sans délai à ${customer} qu'une personne concernée nous a ` +
      'contactés pour exercer ses droits au titre du Règlement général sur la protection des données (RGPD) à ' +
      "l'égard de données à caractère personnel que nous traitons pour votre compte, comme le prévoient l'article " +
      "10.2 de notre Politique de traitement des données et l'article 28, paragraphe 3, point e), du RGPD.",
    toldSubject: 'Ce que nous avons indiqué à la personne concernée',
    subjectConfirmed: (customer) =>
      `Nous avons uniquement confirmé à la personne concernée que sa demande concerne ${customer} et que nous vous ` +
      "l'avons transmise. Nous n'avons pas répondu à la demande et ne lui avons rien communiqué d'autre.",
    subjectNoAddress:
      "La personne concernée ne nous a pas laissé d'adresse électronique\u00a0; nous ne lui avons donc pas répondu. " +
      "Nous n'avons pas donné suite à la demande elle-même.",
    instructionHeading: 'Rien ne se fait sans votre instruction écrite',
    instructionIntro:
      "Conformément à l'article 10.2 de notre Politique de traitement des données, nous ne donnons pas suite à la " +
      "demande d'une personne concernée sans votre accord écrit préalable. Merci de nous transmettre votre " +
      'instruction via notre plateforme, en mentionnant la référence ci-dessus. Vous pouvez nous demander de\u00a0:',
    instructionOther: (email) =>
      `Si vous ne pouvez pas utiliser la plateforme, envoyez votre instruction écrite à l'adresse ${email}.`,
    deadlineHeading: 'Votre délai',
    deadlineText: (deadline) =>
      'En tant que responsable du traitement, vous devez informer la personne concernée des mesures prises à la ' +
      "suite de sa demande dans les meilleurs délais et au plus tard dans un délai d'un mois à compter de sa " +
      `réception (article 12, paragraphe 3, du RGPD). Pour cette demande, l'échéance est fixée au ${deadline}.`,
    extensionText:
      'Au besoin, ce délai peut être prolongé de deux mois, compte tenu de la complexité et du nombre de demandes. ' +
      'Vous devez alors informer la personne concernée de cette prolongation et des motifs du report dans un délai ' +
      "d'un mois à compter de la réception de la demande. Si vous prolongez le délai, merci de nous en informer via " +
      'la plateforme, afin que nos rappels suivent la nouvelle date.',
    reminders: "Tant que nous n'avons pas reçu votre instruction, nous vous enverrons des rappels avant l'échéance.",
  },
  en: {
    subject: (id) => `${common.en.marker} A data subject has contacted us – request ${id}`,
    intro: (customer) =>
      `As processor for ${customer}, we are informing you immediately that a data subject has contacted us to ` +
      'exercise their rights under the General Data Protection Regulation (GDPR) with regard to personal data that ' +
      'we process on your behalf, as section 10.2 of our Data Processing Policy and Article 28(3)(e) GDPR require.',
    toldSubject: 'What we have told the data subject',
    subjectConfirmed: (customer) =>
      `We have only confirmed to the data subject that the request concerns ${customer} and that we have passed it ` +
      'on to you. We have not answered the request and have told the data subject nothing else.',
    subjectNoAddress:
      'The data subject left us no email address, so we have not replied to them. We have not acted on the request ' +
      'itself.',
    instructionHeading: 'Nothing happens without your written instruction',
    instructionIntro:
      'Under section 10.2 of our Data Processing Policy we do not act on a request from a data subject without your ' +
      'prior written consent. Please send us your instruction through our platform, quoting the reference above. ' +
      'You can instruct us to:',
    instructionOther: (email) => `If you cannot use the platform, please send your written instruction to ${email}.`,
    deadlineHeading: 'Your deadline',
    deadlineText: (deadline) =>
      'As controller, you must inform the data subject of the action taken on the request without undue delay and ' +
      `in any event within one month of its receipt (Article 12(3) GDPR). For this request, that is ${deadline}.`,
    extensionText:
      'Where necessary, taking into account the complexity and number of requests, this period may be extended by ' +
      'two further months. You must then inform the data subject of the extension, together with the reasons for ' +
      'the delay, within one month of receipt of the request. If you extend the deadline, please let us know through ' +
      'the platform so that our reminders follow the new date.',
    reminders: 'Until we have your instruction, we will remind you before the deadline.',
  },
};

/** The notice to every contact of the customer, sent as soon as the request is reported (10.2). */
export function renderDsrNotice(facts: DsrNoticeFacts, language: Language): RenderedEmail {
  const copy = noticeCopy[language];
  const f = formatter(language, facts.timeZone);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: f.copy.greeting },
    { kind: 'paragraph', text: copy.intro(facts.customerName) },
    { kind: 'facts', rows: caseRows(facts, language) },
    { kind: 'heading', text: copy.toldSubject },
    { kind: 'paragraph', text: facts.subjectWillBeConfirmed ? copy.subjectConfirmed(facts.customerName) : copy.subjectNoAddress },
    { kind: 'heading', text: copy.instructionHeading },
    { kind: 'paragraph', text: copy.instructionIntro },
    instructionList(language),
    { kind: 'paragraph', text: copy.instructionOther(facts.contactEmail) },
    { kind: 'heading', text: copy.deadlineHeading },
    { kind: 'paragraph', text: copy.deadlineText(f.at(facts.deadlineAt)) },
    { kind: 'paragraph', text: copy.extensionText },
    { kind: 'paragraph', text: copy.reminders },
    { kind: 'paragraph', text: f.copy.questions(facts.contactEmail, facts.requestId) },
    { kind: 'paragraph', text: f.copy.signOff },
    { kind: 'note', text: f.copy.confidential },
  ];
  return renderEmail({ language, subject: copy.subject(facts.requestId), blocks });
}

// ---------------------------------------------------------------------------------------------
// 2. Reminder: the instruction is still awaited

type ReminderCopy = {
  subject(requestId: string): string;
  intro(customerName: string, receivedAt: string): string;
  deadlineText(deadline: string): string;
  choose: string;
  alreadyHandled: string;
};

const reminderCopy: Record<Language, ReminderCopy> = {
  nl: {
    subject: (id) => `${common.nl.marker} Herinnering: wij wachten op uw instructie – verzoek ${id}`,
    intro: (customer, received) =>
      `Op ${received} heeft een betrokkene ons gecontacteerd met een verzoek over persoonsgegevens die wij ` +
      `namens ${customer} verwerken. Wij hebben u toen meteen op de hoogte gebracht, maar hebben uw schriftelijke ` +
      'instructie nog niet ontvangen.',
    deadlineText: (deadline) =>
      `Uw uiterste datum om de betrokkene te antwoorden (artikel 12, lid 3, AVG) is ${deadline}. Volgens artikel ` +
      '10.2 van onze Dataverwerkingspolicy ondernemen wij niets zolang u ons geen schriftelijke instructie geeft.',
    choose: 'Bezorg ons uw instructie via ons platform. U kunt ons vragen om:',
    alreadyHandled:
      'Hebt u het verzoek intussen zelf behandeld, laat het ons dan weten (instructie: zelf behandelen), zodat wij ' +
      'het dossier kunnen sluiten en u geen herinneringen meer ontvangt.',
  },
  fr: {
    subject: (id) => `${common.fr.marker} Rappel\u00a0: nous attendons votre instruction – demande ${id}`,
    intro: (customer, received) =>
      `Le ${received}, une personne concernée nous a adressé une demande portant sur des données à caractère ` +
      `personnel que nous traitons pour le compte de ${customer}. Nous vous en avons informés immédiatement, mais ` +
      "nous n'avons pas encore reçu votre instruction écrite.",
    deadlineText: (deadline) =>
      `Votre date limite pour répondre à la personne concernée (article 12, paragraphe 3, du RGPD) est le ${deadline}. ` +
      "Conformément à l'article 10.2 de notre Politique de traitement des données, nous n'entreprenons rien tant " +
      "que vous ne nous avez pas donné d'instruction écrite.",
    choose: 'Merci de nous transmettre votre instruction via notre plateforme. Vous pouvez nous demander de\u00a0:',
    alreadyHandled:
      'Si vous avez entre-temps traité la demande vous-même, merci de nous le faire savoir (instruction\u00a0: ' +
      "traiter vous-même), afin que nous puissions clôturer le dossier et que vous ne receviez plus de rappels.",
  },
  en: {
    subject: (id) => `${common.en.marker} Reminder: we are awaiting your instruction – request ${id}`,
    intro: (customer, received) =>
      `On ${received}, a data subject contacted us with a request about personal data that we process on behalf ` +
      `of ${customer}. We informed you straight away, but we have not yet received your written instruction.`,
    deadlineText: (deadline) =>
      `Your deadline to answer the data subject (Article 12(3) GDPR) is ${deadline}. Under section 10.2 of our ` +
      'Data Processing Policy, we will take no action until you give us a written instruction.',
    choose: 'Please send us your instruction through our platform. You can instruct us to:',
    alreadyHandled:
      'If you have meanwhile dealt with the request yourself, please let us know (instruction: handle it yourself) ' +
      'so that we can close it and stop sending you reminders.',
  },
};

export function renderDsrReminder(facts: DsrCaseFacts, language: Language): RenderedEmail {
  const copy = reminderCopy[language];
  const f = formatter(language, facts.timeZone);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: f.copy.greeting },
    { kind: 'paragraph', text: copy.intro(facts.customerName, f.at(facts.receivedAt)) },
    { kind: 'facts', rows: caseRows(facts, language) },
    { kind: 'paragraph', text: copy.deadlineText(f.at(facts.deadlineAt)) },
    { kind: 'paragraph', text: copy.choose },
    instructionList(language),
    { kind: 'paragraph', text: copy.alreadyHandled },
    { kind: 'paragraph', text: f.copy.questions(facts.contactEmail, facts.requestId) },
    { kind: 'paragraph', text: f.copy.signOff },
    { kind: 'note', text: f.copy.confidential },
  ];
  return renderEmail({ language, subject: copy.subject(facts.requestId), blocks });
}

// ---------------------------------------------------------------------------------------------
// 3. An extension recorded (Art. 12(3): two further months at most)

type ExtensionCopy = {
  subject(requestId: string): string;
  intro(extra: string, total: string): string;
  originalDeadline: string;
  newDeadline: string;
  reason: string;
  tellSubject: string;
  stillAwaited: string;
};

const extensionCopy: Record<Language, ExtensionCopy> = {
  nl: {
    subject: (id) => `${common.nl.marker} Verlenging van uw termijn geregistreerd – verzoek ${id}`,
    intro: (extra, total) =>
      `Wij hebben geregistreerd dat u de termijn om dit verzoek te beantwoorden met ${extra} verlengt. De termijn ` +
      `is daarmee in totaal met ${total} verlengd; artikel 12, lid 3, AVG staat ten hoogste twee maanden toe.`,
    originalDeadline: 'Oorspronkelijke uiterste datum',
    newDeadline: 'Nieuwe uiterste datum',
    reason: 'Opgegeven reden',
    tellSubject:
      'Vergeet niet dat u de betrokkene binnen een maand na ontvangst van het verzoek op de hoogte moet brengen ' +
      'van de verlenging en van de redenen van de vertraging (artikel 12, lid 3, AVG).',
    stillAwaited:
      'Onze herinneringen volgen voortaan de nieuwe datum. Zonder uw schriftelijke instructie ondernemen wij nog ' +
      'steeds niets.',
  },
  fr: {
    subject: (id) => `${common.fr.marker} Prolongation de votre délai enregistrée – demande ${id}`,
    intro: (extra, total) =>
      `Nous avons enregistré que vous prolongez de ${extra} le délai de réponse à cette demande. Le délai est ainsi ` +
      `prolongé de ${total} au total\u00a0; l'article 12, paragraphe 3, du RGPD autorise au plus deux mois.`,
    originalDeadline: 'Échéance initiale',
    newDeadline: 'Nouvelle échéance',
    reason: 'Motif indiqué',
    tellSubject:
      "N'oubliez pas que vous devez informer la personne concernée de cette prolongation et des motifs du report " +
      "dans un délai d'un mois à compter de la réception de la demande (article 12, paragraphe 3, du RGPD).",
    stillAwaited:
      "Nos rappels suivent désormais la nouvelle échéance. Sans votre instruction écrite, nous n'entreprenons " +
      'toujours rien.',
  },
  en: {
    subject: (id) => `${common.en.marker} Extension of your deadline recorded – request ${id}`,
    intro: (extra, total) =>
      `We have recorded that you are extending the time to answer this request by ${extra}. The period is now ` +
      `extended by ${total} in total; Article 12(3) GDPR allows two months at most.`,
    originalDeadline: 'Original deadline',
    newDeadline: 'New deadline',
    reason: 'Reason given',
    tellSubject:
      'Please remember that you must inform the data subject of the extension, together with the reasons for the ' +
      'delay, within one month of receipt of the request (Article 12(3) GDPR).',
    stillAwaited: 'Our reminders now follow the new deadline. We will still take no action without your written instruction.',
  },
};

export function renderDsrExtension(facts: DsrExtensionFacts, language: Language): RenderedEmail {
  const copy = extensionCopy[language];
  const f = formatter(language, facts.timeZone);
  const reason = facts.reason?.trim() ?? '';
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: f.copy.greeting },
    { kind: 'paragraph', text: copy.intro(f.copy.months(facts.extraMonths), f.copy.months(facts.extensionMonths)) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.reference, value: facts.requestId },
        { label: f.copy.requestType, value: f.copy.requestTypes[facts.requestType] },
        { label: f.copy.receivedAt, value: f.at(facts.receivedAt) },
        { label: copy.originalDeadline, value: f.at(facts.originalDeadlineAt) },
        { label: copy.newDeadline, value: f.at(facts.deadlineAt) },
        ...(reason === '' ? [] : [{ label: copy.reason, value: reason }]),
      ],
    },
    { kind: 'paragraph', text: copy.tellSubject },
    { kind: 'paragraph', text: copy.stillAwaited },
    { kind: 'paragraph', text: f.copy.questions(facts.contactEmail, facts.requestId) },
    { kind: 'paragraph', text: f.copy.signOff },
    { kind: 'note', text: f.copy.confidential },
  ];
  return renderEmail({ language, subject: copy.subject(facts.requestId), blocks });
}

// ---------------------------------------------------------------------------------------------
// 4. The closure: the instruction carried out, or the customer handles the request itself

type ClosureCopy = {
  subject(requestId: string): string;
  carriedOut: Record<DsrAction, (completedAt: string) => string>;
  handledByCustomer: string;
  closedAt: string;
  yours(deadline: string): string;
};

const closureCopy: Record<Language, ClosureCopy> = {
  nl: {
    subject: (id) => `${common.nl.marker} Verzoek afgesloten – verzoek ${id}`,
    carriedOut: {
      respond: (at) =>
        'Zoals u ons hebt gevraagd, zijn de persoonsgegevens van de betrokkene verzameld en op ' +
        `${at} voor u ter beschikking gesteld op ons platform, zodat u de betrokkene kunt antwoorden.`,
      rectify: (at) => `Zoals u ons hebt gevraagd, zijn de persoonsgegevens van de betrokkene op ${at} gerectificeerd.`,
      erase: (at) => `Zoals u ons hebt gevraagd, zijn de persoonsgegevens van de betrokkene op ${at} gewist.`,
      restrict: (at) =>
        `Zoals u ons hebt gevraagd, is de verwerking van de persoonsgegevens van de betrokkene op ${at} beperkt.`,
    },
    handledByCustomer:
      'Wij hebben uw instructie geregistreerd dat u dit verzoek zelf behandelt. Wij hebben er zelf niets mee ' +
      'gedaan en sluiten het dossier aan onze kant af.',
    closedAt: 'Afgesloten op',
    yours: (deadline) =>
      'Het antwoord aan de betrokkene blijft uw verantwoordelijkheid als verwerkingsverantwoordelijke (artikel 12 ' +
      'AVG); wij nemen over dit verzoek geen contact op met de betrokkene. Breng de betrokkene zo nodig vóór uw ' +
      `uiterste datum op de hoogte: ${deadline}.`,
  },
  fr: {
    subject: (id) => `${common.fr.marker} Demande clôturée – demande ${id}`,
    carriedOut: {
      respond: (at) =>
        "Comme vous nous l'avez demandé, les données à caractère personnel de la personne concernée ont été " +
        `rassemblées et mises à votre disposition sur notre plateforme le ${at}, afin que vous puissiez lui répondre.`,
      rectify: (at) =>
        `Comme vous nous l'avez demandé, les données à caractère personnel de la personne concernée ont été rectifiées le ${at}.`,
      erase: (at) =>
        `Comme vous nous l'avez demandé, les données à caractère personnel de la personne concernée ont été effacées le ${at}.`,
      restrict: (at) =>
        "Comme vous nous l'avez demandé, le traitement des données à caractère personnel de la personne concernée " +
        `a été limité le ${at}.`,
    },
    handledByCustomer:
      'Nous avons enregistré votre instruction selon laquelle vous traitez vous-même cette demande. Nous ' +
      "n'y avons donné aucune suite et clôturons le dossier de notre côté.",
    closedAt: 'Clôturée le',
    yours: (deadline) =>
      'La réponse à la personne concernée reste de votre responsabilité en tant que responsable du traitement ' +
      "(article 12 du RGPD)\u00a0; nous ne contacterons pas la personne concernée au sujet de cette demande. Le cas " +
      `échéant, informez-la avant votre échéance\u00a0: ${deadline}.`,
  },
  en: {
    subject: (id) => `${common.en.marker} Request closed – request ${id}`,
    carriedOut: {
      respond: (at) =>
        "As you instructed, the data subject's personal data was gathered and made available to you in our platform " +
        `on ${at}, so that you can answer the data subject.`,
      rectify: (at) => `As you instructed, the data subject's personal data was rectified on ${at}.`,
      erase: (at) => `As you instructed, the data subject's personal data was erased on ${at}.`,
      restrict: (at) => `As you instructed, the processing of the data subject's personal data was restricted on ${at}.`,
    },
    handledByCustomer:
      'We have recorded your instruction that you are handling this request yourself. We have taken no action on it ' +
      'and have closed it on our side.',
    closedAt: 'Closed',
    yours: (deadline) =>
      'Answering the data subject remains your responsibility as controller (Article 12 GDPR); we will not contact ' +
      `the data subject about this request. Where needed, please inform the data subject before your deadline: ${deadline}.`,
  },
};

export function renderDsrClosure(facts: DsrClosureFacts, language: Language): RenderedEmail {
  const copy = closureCopy[language];
  const f = formatter(language, facts.timeZone);
  const outcome = facts.outcome;
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: f.copy.greeting },
    {
      kind: 'paragraph',
      text: outcome.kind === 'carried-out' ? copy.carriedOut[outcome.action](f.at(outcome.completedAt)) : copy.handledByCustomer,
    },
    { kind: 'facts', rows: [...caseRows(facts, language), { label: copy.closedAt, value: f.at(facts.closedAt) }] },
    { kind: 'paragraph', text: copy.yours(f.at(facts.deadlineAt)) },
    { kind: 'paragraph', text: f.copy.questions(facts.contactEmail, facts.requestId) },
    { kind: 'paragraph', text: f.copy.signOff },
    { kind: 'note', text: f.copy.confidential },
  ];
  return renderEmail({ language, subject: copy.subject(facts.requestId), blocks });
}

// ---------------------------------------------------------------------------------------------
// 5. The data subject's confirmation (10.2: "behalve om te bevestigen dat het verzoek betrekking heeft
//    op de Klant"). Deliberately nothing else: no reference, no request type, no date, no deadline.

type SubjectCopy = { subject(customerName: string): string; body(customerName: string): string };

const subjectCopy: Record<Language, SubjectCopy> = {
  nl: {
    subject: (customer) => `Uw verzoek met betrekking tot ${customer}`,
    body: (customer) =>
      `Wij bevestigen dat uw verzoek betrekking heeft op ${customer}. Wij hebben het doorgestuurd naar ${customer}; ` +
      `de verdere behandeling ervan is de verantwoordelijkheid van ${customer}.`,
  },
  fr: {
    subject: (customer) => `Votre demande concernant ${customer}`,
    body: (customer) =>
      `Nous vous confirmons que votre demande concerne ${customer}. Nous l'avons transmise à ${customer}, ` +
      'qui est responsable de son traitement.',
  },
  en: {
    subject: (customer) => `Your request concerning ${customer}`,
    body: (customer) =>
      `We confirm that your request concerns ${customer}. We have passed it on to ${customer}, which is responsible ` +
      'for dealing with it.',
  },
};

export function renderDsrSubjectConfirmation(facts: DsrSubjectConfirmationFacts, language: Language): RenderedEmail {
  const copy = subjectCopy[language];
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: common[language].greeting },
    { kind: 'paragraph', text: copy.body(facts.customerName) },
    { kind: 'paragraph', text: common[language].signOff },
  ];
  return renderEmail({ language, subject: copy.subject(facts.customerName), blocks });
}

// ---------------------------------------------------------------------------------------------
// 6. Internal alert to the processor's privacy team (English; identifiers only, no personal data)

const alertCopy: Record<DsrPrivacyTeamAlertKind, { title: string; action: string }> = {
  'no-customer-record': {
    title: 'No customer record for a data subject request',
    action:
      'A data subject request names a customer for which there is no customer record (language, contacts), so the ' +
      'customer could not be told and the data subject has received no confirmation. Create the record ' +
      '(customer.upserted) or tell the customer by another channel at once (policy 10.2), and record its written ' +
      'instruction in the workflow (update dsrInstructed) when it comes.',
  },
  'notice-undeliverable': {
    title: 'Data subject request notice could not be delivered',
    action:
      "No contact of the customer accepted the email about the request, and the data subject's confirmation was " +
      'held back. Check the contacts on the customer record and tell the customer by another channel at once ' +
      '(policy 10.2).',
  },
  'deadline-passed': {
    title: "Controller's deadline passed without an instruction",
    action:
      "The controller's deadline (GDPR Art. 12(3)) has passed and the customer has given no written instruction. " +
      'Contact the customer: it may have answered the data subject itself (record the instruction ' +
      '"handled-by-customer"), or the data subject is still waiting. Do not act on the request without a written ' +
      'instruction (policy 10.2).',
  },
  'product-webhook-not-configured': {
    title: 'The product cannot be asked to act',
    action:
      "PRODUCT_WEBHOOK_URL and PRODUCT_WEBHOOK_SECRET are not set, so the product could not be asked to carry out the " +
      "customer's instruction. Configure them and restart the worker (the request is sent again at the next " +
      'follow-up), or have the action carried out by hand and record it with the update dsrActionCompleted.',
  },
  'product-request-failed': {
    title: 'The request to the product failed',
    action:
      "The product could not be asked to carry out the customer's instruction. Check the detail below; the request " +
      'is sent again at the next follow-up. If the action is carried out by another route, record it with the ' +
      'update dsrActionCompleted.',
  },
  'action-unconfirmed': {
    title: 'The product has not confirmed the action',
    action:
      "The product was asked to carry out the customer's instruction but has not confirmed it (dsr.action-completed). " +
      'The request has been sent again under the same webhook id. Check with the product team; if the action was ' +
      'confirmed by another channel, record it with the update dsrActionCompleted.',
  },
  'action-overdue': {
    title: "Controller's deadline passed before the action was confirmed",
    action:
      "The controller's deadline (GDPR Art. 12(3)) has passed while the action it instructed is still unconfirmed. " +
      'Make sure the action is carried out now and tell the customer, so that it can answer the data subject.',
  },
};

/** An internal alert; English only, because the privacy team is internal. */
export function renderDsrPrivacyTeamAlert(facts: DsrPrivacyTeamAlertFacts): RenderedEmail {
  const copy = alertCopy[facts.kind];
  const dueAt =
    facts.dueAt === undefined
      ? []
      : [{ label: 'Deadline', value: `${formatInstant(facts.dueAt, 'en', defaultTimeZone)} (${facts.dueAt})` }];
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: `${copy.title}.` },
    {
      kind: 'facts',
      rows: [
        { label: 'Alert', value: facts.kind },
        { label: 'Request', value: facts.requestId },
        { label: 'Customer id', value: facts.customerId },
        ...dueAt,
        // The workflow id of PRODUCT.md, so that the case can be found in the Temporal Web UI.
        { label: 'Workflow id', value: `dsr-${facts.requestId}` },
      ],
    },
    { kind: 'heading', text: 'Detail' },
    { kind: 'paragraph', text: facts.detail.trim() },
    { kind: 'heading', text: 'What to do' },
    { kind: 'paragraph', text: copy.action },
    {
      kind: 'note',
      text:
        'Sent automatically by the DPA orchestrator. It carries identifiers only; open the workflow in the Temporal ' +
        'Web UI (query dsrStatus) for the case and its timeline.',
    },
  ];
  return renderEmail({
    language: 'en',
    subject: `[Privacy team] ${copy.title} – data subject request ${facts.requestId}, customer ${facts.customerId}`,
    blocks,
  });
}
