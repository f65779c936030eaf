/**
 * Emails of the authority-request process (policy 8.1 and 7.1; GDPR Art. 28(3)(a)): the notice to
 * each customer concerned, reminders while its view on an intended disclosure is awaited, the outcome
 * (answered or disclosed), and internal alerts to the processor's privacy team.
 *
 * Every function is pure: same facts, same email. Each language fills the same copy type, so the
 * compiler refuses a language that lacks a passage.
 */
import type { AuthorityRequestKind } from '../../../domain/authority';
import { defaultTimeZone, type Language } from '../../../domain/language';
import { formatInstant, formatList } from '../format';
import { renderEmail, type EmailBlock, type RenderedEmail } from './rendered-email';

// ---------------------------------------------------------------------------------------------
// Facts

export type AuthorityNoticeFacts = {
  customerName: string;
  requestId: string;
  /** The authority's name, as the product reported it. */
  authority: string;
  requestKind: AuthorityRequestKind;
  /** ISO UTC: when the processor received the request. */
  receivedAt: string;
  /** ISO UTC: when a legal prohibition to tell the customer was lifted, if there was one. */
  prohibitionLiftedAt?: string;
  /** ISO UTC, intended disclosures only: until when the customer's view on scope and manner is awaited. */
  viewsDueAt?: string;
  contactEmail: string;
  timeZone: string;
};

export type AuthorityViewReminderFacts = {
  customerName: string;
  requestId: string;
  authority: string;
  /** ISO UTC: when this customer was told of the intended disclosure. */
  notifiedAt: string;
  viewsDueAt: string;
  reminderNumber: number;
  contactEmail: string;
  timeZone: string;
};

export type AuthorityOutcomeFacts = {
  customerName: string;
  requestId: string;
  authority: string;
  requestKind: AuthorityRequestKind;
  receivedAt: string;
  contactEmail: string;
  timeZone: string;
} & ({ kind: 'answered'; at: string; summary: string } | { kind: 'disclosed'; at: string; scope: string; manner: string });

export type AuthorityAlertKind =
  | 'disclosure-prohibited'
  | 'prohibition-review'
  | 'notice-undeliverable'
  | 'notice-deadline-missed'
  | 'views-deadline-passed'
  | 'customer-objects';

export type AuthorityAlertFacts = {
  kind: AuthorityAlertKind;
  requestId: string;
  requestKind: AuthorityRequestKind;
  /** Ids only: the customers the alert is about. */
  customerIds?: string[];
  detail: string;
  dueAt?: string;
};

// ---------------------------------------------------------------------------------------------
// Wording shared by every customer email

type CommonCopy = {
  marker: string;
  greeting: string;
  signOff: string;
  confidential: string;
  reference: string;
  authority: string;
  kind: string;
  receivedAt: string;
  /** The kind as a noun phrase inside a sentence ("een dagvaarding"). */
  kindPhrase: Record<AuthorityRequestKind, string>;
  /** The kind as a label in the facts table. */
  kindLabel: Record<AuthorityRequestKind, string>;
  questions(email: string, requestId: string): string;
};

const common: Record<Language, CommonCopy> = {
  nl: {
    marker: '[Overheidsverzoek]',
    greeting: 'Geachte heer, mevrouw,',
    signOff: 'Met vriendelijke groet,\nHet privacyteam',
    confidential:
      'Deze e-mail bevat vertrouwelijke informatie over een verzoek van een overheidsinstantie. ' +
      'Deel ze alleen met wie ze nodig heeft om het verzoek te behandelen.',
    reference: 'Referentie',
    authority: 'Overheidsinstantie',
    kind: 'Soort verzoek',
    receivedAt: 'Door ons ontvangen op',
    kindPhrase: {
      information: 'een verzoek tot informatie',
      subpoena: 'een dagvaarding',
      inspection: 'een verzoek tot inspectie of audit',
      'disclosure-intent': 'een verzoek dat ons verplicht persoonsgegevens bekend te maken',
    },
    kindLabel: {
      information: 'Verzoek tot informatie',
      subpoena: 'Dagvaarding',
      inspection: 'Verzoek tot inspectie of audit',
      'disclosure-intent': 'Voorgenomen bekendmaking van persoonsgegevens',
    },
    questions: (email, id) =>
      `Hebt u vragen over dit verzoek, neem dan contact op met ons privacyteam via ${email} en vermeld de referentie ${id}.`,
  },
  fr: {
    marker: "[Demande d'une autorité]",
    greeting: 'Madame, Monsieur,',
    signOff: "Cordialement,\nL'équipe Protection des données",
    confidential:
      "Ce courriel contient des informations confidentielles relatives à une demande d'une autorité publique. " +
      "Merci de ne les partager qu'avec les personnes qui en ont besoin pour traiter la demande.",
    reference: 'Référence',
    authority: 'Autorité',
    kind: 'Nature de la demande',
    receivedAt: 'Reçue par nos soins le',
    kindPhrase: {
      information: "une demande d'informations",
      subpoena: 'une citation',
      inspection: "une demande d'inspection ou d'audit",
      'disclosure-intent': 'une demande qui nous oblige à communiquer des données à caractère personnel',
    },
    kindLabel: {
      information: "Demande d'informations",
      subpoena: 'Citation',
      inspection: "Demande d'inspection ou d'audit",
      'disclosure-intent': 'Communication envisagée de données à caractère personnel',
    },
    questions: (email, id) =>
      "Pour toute question relative à cette demande, vous pouvez contacter notre équipe Protection des données à " +
      `l'adresse ${email}, en mentionnant la référence ${id}.`,
  },
  en: {
    marker: '[Authority request]',
    greeting: 'Dear Sir or Madam,',
    signOff: 'Kind regards,\nThe privacy team',
    confidential:
      'This email contains confidential information about a request from a public authority. ' +
      'Please share it only with those who need it to handle the request.',
    reference: 'Reference',
    authority: 'Authority',
    kind: 'Type of request',
    receivedAt: 'Received by us',
    kindPhrase: {
      information: 'a request for information',
      subpoena: 'a subpoena',
      inspection: 'a request for an inspection or audit',
      'disclosure-intent': 'a request that obliges us to disclose personal data',
    },
    kindLabel: {
      information: 'Request for information',
      subpoena: 'Subpoena',
      inspection: 'Request for an inspection or audit',
      'disclosure-intent': 'Intended disclosure of personal data',
    },
    questions: (email, id) =>
      `If you have any questions about this request, please contact our privacy team at ${email}, quoting reference ${id}.`,
  },
};

function formatter(language: Language, timeZone: string) {
  return { copy: common[language], at: (instantIso: string) => formatInstant(instantIso, language, timeZone) };
}

// ---------------------------------------------------------------------------------------------
// 1. The notice (policy 8.1; GDPR Art. 28(3)(a); policy 7.1 for an intended disclosure)

type NoticeCopy = {
  subject(kindLabel: string, requestId: string): string;
  intro(customerName: string, authority: string, kindPhrase: string): string;
  introDisclosure(customerName: string, authority: string): string;
  prohibitionLifted: string;
  heldBack(liftedAt: string): string;
  confidentiality: string;
  confidentialityText: string;
  views: string;
  viewsText(due: string, email: string): string;
  viewsDefault: string;
  next: string;
  nextText(email: string): string;
  keepInformed: string;
};

const noticeCopy: Record<Language, NoticeCopy> = {
  nl: {
    subject: (kind, id) => `${common.nl.marker} ${kind} – referentie ${id}`,
    intro: (customer, authority, kind) =>
      `Als verwerker voor ${customer} laten wij u weten dat wij van een overheidsinstantie, ${authority}, ${kind} ` +
      'hebben ontvangen in verband met persoonsgegevens die wij namens u verwerken. Wij informeren u hierover zoals artikel 8.1 van ' +
      'onze Dataverwerkingspolicy en artikel 28, lid 3, a, van de Algemene Verordening Gegevensbescherming (AVG) ' +
      'voorschrijven.',
    introDisclosure: (customer, authority) =>
      `Als verwerker voor ${customer} laten wij u weten dat wij voornemens zijn persoonsgegevens die wij namens u ` +
      `verwerken bekend te maken aan een overheidsinstantie, ${authority}, omdat de wet of een rechterlijke of andere overheidsbeslissing ` +
      'ons daartoe verplicht. Wij informeren u hierover vóór elke bekendmaking, zoals de artikelen 7.1 en 8.1 van ' +
      'onze Dataverwerkingspolicy en artikel 28, lid 3, a, van de Algemene Verordening Gegevensbescherming (AVG) ' +
      'voorschrijven.',
    prohibitionLifted: 'Wettelijk verbod op kennisgeving opgeheven op',
    heldBack: (at) =>
      'Wij mochten u hierover niet eerder inlichten: de wet verbood het ons om gewichtige redenen van algemeen ' +
      `belang (artikel 28, lid 3, a, AVG). Dat verbod werd op ${at} opgeheven, en daarom ontvangt u dit bericht pas nu.`,
    confidentiality: 'Vertrouwelijkheid (artikel 7.1 van onze Dataverwerkingspolicy)',
    confidentialityText:
      'Wij behandelen de persoonsgegevens die wij namens u verwerken vertrouwelijk. Wij maken ze alleen bekend ' +
      'voor zover de wet of een rechterlijke of andere overheidsbeslissing dat vereist, en wij bespreken de omvang ' +
      'en de wijze van elke bekendmaking vooraf met u.',
    views: 'Uw standpunt over de omvang en de wijze van de bekendmaking',
    viewsText: (due, email) =>
      `Wij vragen u ons uiterlijk op ${due} uw standpunt te bezorgen over de omvang en de wijze van de voorgenomen ` +
      'bekendmaking: welke gegevens, over welke betrokkenen, in welke vorm en langs welke weg, en of u bezwaar ' +
      `hebt tegen de bekendmaking zelf. U kunt antwoorden via ons platform of door te schrijven naar ${email}.`,
    viewsDefault:
      'Maakt u bezwaar, dan wegen wij uw bezwaar af voordat wij iets bekendmaken. Ontvangen wij tegen die datum ' +
      'geen standpunt, dan maken wij niet meer bekend dan de wet strikt vereist, op de wijze die de overheidsinstantie ' +
      'oplegt.',
    next: 'Wat wij nu doen',
    nextText: (email) =>
      'Wij onderzoeken het verzoek en geven er niet verder gevolg aan dan de wet vereist. Moeten wij daarbij ' +
      'persoonsgegevens meedelen, dan bespreken wij vooraf de omvang en de wijze daarvan met u. Hebt u opmerkingen ' +
      'of bezwaren, bijvoorbeeld omdat u het verzoek zelf wilt behandelen of betwisten, laat het ons dan zo snel ' +
      `mogelijk weten via ${email}.`,
    keepInformed: 'Wij laten u weten hoe het verzoek werd afgehandeld.',
  },
  fr: {
    subject: (kind, id) => `${common.fr.marker} ${kind} – référence ${id}`,
    intro: (customer, authority, kind) =>
      `En notre qualité de sous-traitant, nous informons ${customer} que nous avons reçu d'une autorité publique, ` +
      `${authority}, ${kind} ` +
      'portant sur des données à caractère personnel que nous traitons pour son compte. Nous vous en informons ' +
      "comme le prévoient l'article 8.1 de notre Politique de traitement des données et l'article 28, " +
      'paragraphe 3, a), du Règlement général sur la protection des données (RGPD).',
    introDisclosure: (customer, authority) =>
      `En notre qualité de sous-traitant, nous informons ${customer} que nous envisageons de communiquer à une ` +
      `autorité publique, ${authority}, des données à caractère personnel que nous traitons pour son compte, parce que la loi ou une ` +
      "décision judiciaire ou administrative nous y oblige. Nous vous en informons avant toute communication, comme " +
      "le prévoient les articles 7.1 et 8.1 de notre Politique de traitement des données et l'article 28, " +
      'paragraphe 3, a), du Règlement général sur la protection des données (RGPD).',
    prohibitionLifted: "Levée de l'interdiction légale d'information",
    heldBack: (at) =>
      "Nous n'étions pas autorisés à vous en informer plus tôt\u00a0: la loi nous l'interdisait pour des motifs " +
      `importants d'intérêt public (article 28, paragraphe 3, a), du RGPD). Cette interdiction a été levée le ${at}, ` +
      'ce qui explique que vous receviez ce message seulement maintenant.',
    confidentiality: 'Confidentialité (article 7.1 de notre Politique de traitement des données)',
    confidentialityText:
      'Nous traitons de manière confidentielle les données à caractère personnel que nous traitons pour votre ' +
      "compte. Nous ne les communiquons que dans la mesure où la loi ou une décision judiciaire ou administrative " +
      "l'exige, et nous discutons au préalable avec vous de l'étendue et des modalités de toute communication.",
    views: "Votre position sur l'étendue et les modalités de la communication",
    viewsText: (due, email) =>
      `Nous vous remercions de nous faire connaître, au plus tard le ${due}, votre position sur l'étendue et les ` +
      'modalités de la communication envisagée\u00a0: quelles données, concernant quelles personnes, sous quelle ' +
      'forme et par quel moyen, et si vous vous opposez à la communication elle-même. Vous pouvez répondre via notre ' +
      `plateforme ou en écrivant à ${email}.`,
    viewsDefault:
      'Si vous vous y opposez, nous examinerons votre objection avant toute communication. À défaut de position ' +
      "reçue à cette date, nous ne communiquerons que ce que la loi exige strictement, selon les modalités imposées " +
      "par l'autorité.",
    next: 'Ce que nous faisons à présent',
    nextText: (email) =>
      "Nous examinons la demande et n'y donnerons suite que dans la mesure exigée par la loi. Si nous devons " +
      "communiquer des données à caractère personnel, nous discuterons au préalable avec vous de l'étendue et des " +
      'modalités de cette communication. Si vous avez des remarques ou des objections, par exemple parce que vous ' +
      `souhaitez traiter ou contester vous-même la demande, merci de nous en faire part au plus vite à l'adresse ${email}.`,
    keepInformed: 'Nous vous informerons de la suite donnée à la demande.',
  },
  en: {
    subject: (kind, id) => `${common.en.marker} ${kind} – reference ${id}`,
    intro: (customer, authority, kind) =>
      `As processor for ${customer}, we are informing you that we have received ${kind} from a public authority, ${authority}, ` +
      'concerning personal data that we process on your behalf. We do so as required by section 8.1 of our Data ' +
      'Processing Policy and Article 28(3)(a) of the General Data Protection Regulation (GDPR).',
    introDisclosure: (customer, authority) =>
      `As processor for ${customer}, we are informing you that we intend to disclose personal data that we ` +
      `process on your behalf to a public authority, ${authority}, because the law or a judicial or other official decision obliges ` +
      'us to. We are telling you before any disclosure, as required by sections 7.1 and 8.1 of our Data ' +
      'Processing Policy and Article 28(3)(a) of the General Data Protection Regulation (GDPR).',
    prohibitionLifted: 'Legal prohibition on telling you lifted',
    heldBack: (at) =>
      'We were not allowed to tell you earlier: the law prohibited it on important grounds of public interest ' +
      `(Article 28(3)(a) GDPR). That prohibition was lifted on ${at}, which is why you receive this message only now.`,
    confidentiality: 'Confidentiality (section 7.1 of our Data Processing Policy)',
    confidentialityText:
      'We treat the personal data that we process on your behalf as confidential. We disclose it only as far as ' +
      'the law or a judicial or other official decision requires, and we discuss the scope and manner of any ' +
      'disclosure with you beforehand.',
    views: 'Your view on the scope and manner of the disclosure',
    viewsText: (due, email) =>
      `Please let us have your view by ${due} on the scope and manner of the intended disclosure: which data, ` +
      'about which data subjects, in what form and by what means, and whether you object to the disclosure ' +
      `itself. You can answer through our platform or by writing to ${email}.`,
    viewsDefault:
      'If you object, we will weigh your objection before disclosing anything. If we have no view from you by ' +
      'that date, we will disclose no more than the law strictly requires, in the manner the authority imposes.',
    next: 'What we are doing now',
    nextText: (email) =>
      'We are examining the request and will act on it no further than the law requires. Should we have to ' +
      'communicate personal data in doing so, we will discuss the scope and manner of that communication with you ' +
      'beforehand. If you have remarks or objections, for example because you wish to handle or contest the ' +
      `request yourself, please let us know as soon as possible at ${email}.`,
    keepInformed: 'We will let you know how the request was dealt with.',
  },
};

/** The notice to one customer concerned (policy 8.1; GDPR Art. 28(3)(a)). */
export function renderAuthorityNotice(facts: AuthorityNoticeFacts, language: Language): RenderedEmail {
  const copy = noticeCopy[language];
  const f = formatter(language, facts.timeZone);
  const isDisclosure = facts.requestKind === 'disclosure-intent';

  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: f.copy.greeting },
    {
      kind: 'paragraph',
      text: isDisclosure
        ? copy.introDisclosure(facts.customerName, facts.authority)
        : copy.intro(facts.customerName, facts.authority, f.copy.kindPhrase[facts.requestKind]),
    },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.reference, value: facts.requestId },
        { label: f.copy.authority, value: facts.authority },
        { label: f.copy.kind, value: f.copy.kindLabel[facts.requestKind] },
        { label: f.copy.receivedAt, value: f.at(facts.receivedAt) },
        ...(facts.prohibitionLiftedAt === undefined ? [] : [{ label: copy.prohibitionLifted, value: f.at(facts.prohibitionLiftedAt) }]),
      ],
    },
    ...(facts.prohibitionLiftedAt === undefined ? [] : [{ kind: 'paragraph', text: copy.heldBack(f.at(facts.prohibitionLiftedAt)) } as const]),
    { kind: 'heading', text: copy.confidentiality },
    { kind: 'paragraph', text: copy.confidentialityText },
    ...(facts.viewsDueAt !== undefined
      ? [
          { kind: 'heading', text: copy.views } as const,
          { kind: 'paragraph', text: copy.viewsText(f.at(facts.viewsDueAt), facts.contactEmail) } as const,
          { kind: 'paragraph', text: copy.viewsDefault } as const,
        ]
      : [
          { kind: 'heading', text: copy.next } as const,
          { kind: 'paragraph', text: copy.nextText(facts.contactEmail) } as const,
        ]),
    { kind: 'paragraph', text: copy.keepInformed },
    { kind: 'paragraph', text: f.copy.questions(facts.contactEmail, facts.requestId) },
    { kind: 'paragraph', text: f.copy.signOff },
    { kind: 'note', text: f.copy.confidential },
  ];
  return renderEmail({ language, subject: copy.subject(f.copy.kindLabel[facts.requestKind], facts.requestId), blocks });
}

// ---------------------------------------------------------------------------------------------
// 2. Reminder: the customer's view on an intended disclosure is still awaited (7.1)

type ViewReminderCopy = {
  subject(requestId: string, reminderNumber: number): string;
  intro(customerName: string, sentAt: string, authority: string, requestId: string): string;
  due: string;
  request(due: string, email: string): string;
  notReceived: string;
};

const viewReminderCopy: Record<Language, ViewReminderCopy> = {
  nl: {
    subject: (id, n) => `${common.nl.marker} Herinnering ${n}: uw standpunt over de voorgenomen bekendmaking – referentie ${id}`,
    intro: (customer, sentAt, authority, id) =>
      `Op ${sentAt} hebben wij ${customer} laten weten dat wij voornemens zijn persoonsgegevens die wij namens u ` +
      `verwerken bekend te maken aan een overheidsinstantie, ${authority} (referentie ${id}). Wij hebben uw standpunt over de omvang en de ` +
      'wijze van die bekendmaking nog niet ontvangen.',
    due: 'Uw standpunt verwacht uiterlijk op',
    request: (due, email) =>
      `Wij ontvangen het graag uiterlijk op ${due}, via ons platform of door te schrijven naar ${email}. Vermeld ` +
      'ook of u bezwaar hebt tegen de bekendmaking. Zonder standpunt maken wij daarna niet meer bekend dan de wet ' +
      'strikt vereist, op de wijze die de overheidsinstantie oplegt (artikel 7.1 van onze Dataverwerkingspolicy).',
    notReceived:
      'Hebt u ons eerste bericht niet ontvangen, of behandelt iemand anders binnen uw organisatie zulke verzoeken, ' +
      'laat het ons dan onmiddellijk weten.',
  },
  fr: {
    subject: (id, n) =>
      `${common.fr.marker} Rappel n°\u00a0${n}\u00a0: votre position sur la communication envisagée – référence ${id}`,
    intro: (customer, sentAt, authority, id) =>
      `Le ${sentAt}, nous avons informé ${customer} que nous envisageons de communiquer à une autorité publique, ` +
      `${authority}, des données ` +
      `à caractère personnel que nous traitons pour son compte (référence ${id}). Nous n'avons pas encore reçu votre ` +
      "position sur l'étendue et les modalités de cette communication.",
    due: 'Position attendue au plus tard le',
    request: (due, email) =>
      `Nous vous remercions de nous la faire connaître au plus tard le ${due}, via notre plateforme ou en écrivant ` +
      `à ${email}, en précisant si vous vous opposez à la communication. Sans position de votre part, nous ne ` +
      "communiquerons ensuite que ce que la loi exige strictement, selon les modalités imposées par l'autorité " +
      '(article 7.1 de notre Politique de traitement des données).',
    notReceived:
      "Si vous n'avez pas reçu notre premier message, ou si une autre personne traite ce type de demande au sein " +
      'de votre organisation, merci de nous en informer immédiatement.',
  },
  en: {
    subject: (id, n) => `${common.en.marker} Reminder ${n}: your view on the intended disclosure – reference ${id}`,
    intro: (customer, sentAt, authority, id) =>
      `On ${sentAt} we informed ${customer} that we intend to disclose personal data that we process on your ` +
      `behalf to a public authority, ${authority} (reference ${id}). We have not yet received your view on the scope and manner of ` +
      'that disclosure.',
    due: 'Your view is expected by',
    request: (due, email) =>
      `Please let us have it by ${due}, through our platform or by writing to ${email}, and tell us whether you ` +
      'object to the disclosure. Without your view, we will then disclose no more than the law strictly requires, ' +
      'in the manner the authority imposes (section 7.1 of our Data Processing Policy).',
    notReceived:
      'If you did not receive our first message, or if someone else in your organisation handles such requests, ' +
      'please let us know immediately.',
  },
};

export function renderAuthorityViewReminder(facts: AuthorityViewReminderFacts, language: Language): RenderedEmail {
  const copy = viewReminderCopy[language];
  const f = formatter(language, facts.timeZone);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: f.copy.greeting },
    { kind: 'paragraph', text: copy.intro(facts.customerName, f.at(facts.notifiedAt), facts.authority, facts.requestId) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.reference, value: facts.requestId },
        { label: f.copy.authority, value: facts.authority },
        { label: copy.due, value: f.at(facts.viewsDueAt) },
      ],
    },
    { kind: 'paragraph', text: copy.request(f.at(facts.viewsDueAt), facts.contactEmail) },
    { kind: 'paragraph', text: copy.notReceived },
    { kind: 'paragraph', text: f.copy.questions(facts.contactEmail, facts.requestId) },
    { kind: 'paragraph', text: f.copy.signOff },
    { kind: 'note', text: f.copy.confidential },
  ];
  return renderEmail({ language, subject: copy.subject(facts.requestId, facts.reminderNumber), blocks });
}

// ---------------------------------------------------------------------------------------------
// 3. The outcome: the request was answered, or the disclosure was made

type OutcomeCopy = {
  answeredSubject(requestId: string): string;
  disclosedSubject(requestId: string): string;
  answeredIntro(customerName: string, receivedAt: string, authority: string, kindPhrase: string, requestId: string, at: string): string;
  disclosedIntro(customerName: string, authority: string, requestId: string, at: string): string;
  outcomeAt: string;
  howAnswered: string;
  scope: string;
  manner: string;
  closing: string;
};

const outcomeCopy: Record<Language, OutcomeCopy> = {
  nl: {
    answeredSubject: (id) => `${common.nl.marker} Het verzoek werd afgehandeld – referentie ${id}`,
    disclosedSubject: (id) => `${common.nl.marker} Bekendmaking van persoonsgegevens uitgevoerd – referentie ${id}`,
    answeredIntro: (customer, received, authority, kind, id, at) =>
      `Op ${received} ontvingen wij van een overheidsinstantie, ${authority}, ${kind} in verband met persoonsgegevens die wij namens ` +
      `${customer} verwerken (referentie ${id}). Wij laten u weten dat wij dat verzoek op ${at} hebben afgehandeld.`,
    disclosedIntro: (customer, authority, id, at) =>
      `Wij laten u weten dat wij op ${at} persoonsgegevens die wij namens ${customer} verwerken hebben bekendgemaakt ` +
      `aan een overheidsinstantie, ${authority} (referentie ${id}), omdat de wet of een rechterlijke of andere overheidsbeslissing ons ` +
      'daartoe verplichtte (artikel 7.1 van onze Dataverwerkingspolicy).',
    outcomeAt: 'Afgehandeld op',
    howAnswered: 'Hoe wij het verzoek hebben afgehandeld',
    scope: 'Omvang van de bekendmaking',
    manner: 'Wijze van de bekendmaking',
    closing:
      'Wij bewaren de stukken van dit verzoek als bewijs van wat werd meegedeeld, aan wie en wanneer. Hiermee is ' +
      'het verzoek voor ons afgesloten.',
  },
  fr: {
    answeredSubject: (id) => `${common.fr.marker} Suite donnée à la demande – référence ${id}`,
    disclosedSubject: (id) => `${common.fr.marker} Communication de données à caractère personnel effectuée – référence ${id}`,
    answeredIntro: (customer, received, authority, kind, id, at) =>
      `Le ${received}, nous avons reçu d'une autorité publique, ${authority}, ${kind} portant sur des données à caractère personnel que ` +
      `nous traitons pour le compte de ${customer} (référence ${id}). Nous vous informons que nous avons donné ` +
      `suite à cette demande le ${at}.`,
    disclosedIntro: (customer, authority, id, at) =>
      `Nous vous informons que, le ${at}, nous avons communiqué à une autorité publique, ${authority}, des données à caractère personnel ` +
      `que nous traitons pour le compte de ${customer} (référence ${id}), parce que la loi ou une décision ` +
      "judiciaire ou administrative nous y obligeait (article 7.1 de notre Politique de traitement des données).",
    outcomeAt: 'Traitée le',
    howAnswered: 'Suite donnée à la demande',
    scope: 'Étendue de la communication',
    manner: 'Modalités de la communication',
    closing:
      'Nous conservons les pièces relatives à cette demande pour attester de ce qui a été communiqué, à qui et ' +
      'quand. La demande est désormais clôturée de notre côté.',
  },
  en: {
    answeredSubject: (id) => `${common.en.marker} The request has been dealt with – reference ${id}`,
    disclosedSubject: (id) => `${common.en.marker} Disclosure of personal data made – reference ${id}`,
    answeredIntro: (customer, received, authority, kind, id, at) =>
      `On ${received} we received ${kind} from a public authority, ${authority}, concerning personal data that we process on behalf of ` +
      `${customer} (reference ${id}). We are letting you know that we dealt with that request on ${at}.`,
    disclosedIntro: (customer, authority, id, at) =>
      `We are letting you know that on ${at} we disclosed personal data that we process on behalf of ${customer} ` +
      `to a public authority, ${authority} (reference ${id}), because the law or a judicial or other official decision obliged us to ` +
      '(section 7.1 of our Data Processing Policy).',
    outcomeAt: 'Dealt with on',
    howAnswered: 'How we dealt with the request',
    scope: 'Scope of the disclosure',
    manner: 'Manner of the disclosure',
    closing:
      'We keep the documents of this request as evidence of what was communicated, to whom and when. The request ' +
      'is now closed on our side.',
  },
};

export function renderAuthorityOutcome(facts: AuthorityOutcomeFacts, language: Language): RenderedEmail {
  const copy = outcomeCopy[language];
  const f = formatter(language, facts.timeZone);
  const at = f.at(facts.at);
  const body: EmailBlock[] =
    facts.kind === 'answered'
      ? [
          {
            kind: 'paragraph',
            text: copy.answeredIntro(facts.customerName, f.at(facts.receivedAt), facts.authority, f.copy.kindPhrase[facts.requestKind], facts.requestId, at),
          },
          { kind: 'facts', rows: [{ label: f.copy.reference, value: facts.requestId }, { label: f.copy.authority, value: facts.authority }, { label: copy.outcomeAt, value: at }] },
          { kind: 'heading', text: copy.howAnswered },
          { kind: 'paragraph', text: facts.summary.trim() },
        ]
      : [
          { kind: 'paragraph', text: copy.disclosedIntro(facts.customerName, facts.authority, facts.requestId, at) },
          { kind: 'facts', rows: [{ label: f.copy.reference, value: facts.requestId }, { label: f.copy.authority, value: facts.authority }, { label: copy.outcomeAt, value: at }] },
          { kind: 'heading', text: copy.scope },
          { kind: 'paragraph', text: facts.scope.trim() },
          { kind: 'heading', text: copy.manner },
          { kind: 'paragraph', text: facts.manner.trim() },
        ];
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: f.copy.greeting },
    ...body,
    { kind: 'paragraph', text: copy.closing },
    { kind: 'paragraph', text: f.copy.questions(facts.contactEmail, facts.requestId) },
    { kind: 'paragraph', text: f.copy.signOff },
    { kind: 'note', text: f.copy.confidential },
  ];
  const subject = facts.kind === 'answered' ? copy.answeredSubject(facts.requestId) : copy.disclosedSubject(facts.requestId);
  return renderEmail({ language, subject, blocks });
}

// ---------------------------------------------------------------------------------------------
// 4. Internal alerts to the privacy team (English; identifiers only, no personal data)

const alertCopy: Record<AuthorityAlertKind, { title: string; action: string }> = {
  'disclosure-prohibited': {
    title: 'Authority request under a prohibition to tell the customers',
    action:
      'The law forbids telling the customers of this request (GDPR Art. 28(3)(a)), so no customer has been or ' +
      'will be emailed. Record the legal basis of the prohibition with the update recordProhibitionBasis, and lift ' +
      'it with liftProhibition as soon as it no longer applies: the customers are then told at once.',
  },
  'prohibition-review': {
    title: 'Review the prohibition to tell the customers',
    action:
      'Check with counsel whether the prohibition still applies. If it has ended, lift it with liftProhibition so ' +
      'that the customers are told; if its legal basis is not recorded yet, record it with recordProhibitionBasis.',
  },
  'notice-undeliverable': {
    title: 'Authority request notice could not be delivered',
    action:
      'The customers listed could not be emailed (no customer record, or every contact refused the email). Tell ' +
      'them by another channel before the notice deadline (policy 8.1) and record it with the update ' +
      'recordCustomerNotified.',
  },
  'notice-deadline-missed': {
    title: 'Authority request notice deadline missed',
    action:
      'The notice deadline passed while the customers listed had not been told of the request (policy 8.1). Tell ' +
      'them by another channel now, record it with recordCustomerNotified, and note the reason for the delay.',
  },
  'views-deadline-passed': {
    title: "Customers' views on an intended disclosure not received in time",
    action:
      'The period for the customers to give their view on the scope and manner of the disclosure has ended without ' +
      'a view from the customers listed. The disclosure may now be recorded with recordDisclosure; keep it to what ' +
      'the law strictly requires (policy 7.1).',
  },
  'customer-objects': {
    title: 'A customer objects to an intended disclosure',
    action:
      'Weigh the objection with counsel before disclosing: it may be possible to narrow the scope or to contest the ' +
      'order. When you record the disclosure, set objectionsConsidered to true.',
  },
};

export function renderAuthorityAlert(facts: AuthorityAlertFacts): RenderedEmail {
  const copy = alertCopy[facts.kind];
  const customerIds = facts.customerIds ?? [];
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: `${copy.title}.` },
    {
      kind: 'facts',
      rows: [
        { label: 'Alert', value: facts.kind },
        { label: 'Authority request', value: facts.requestId },
        { label: 'Type', value: facts.requestKind },
        ...(customerIds.length === 0
          ? []
          : [{ label: 'Customer ids', value: customerIds.length <= 20 ? formatList(customerIds, 'en') : `${customerIds.slice(0, 20).join(', ')} and ${customerIds.length - 20} more` }]),
        ...(facts.dueAt === undefined ? [] : [{ label: 'Due at', value: `${formatInstant(facts.dueAt, 'en', defaultTimeZone)} (${facts.dueAt})` }]),
        { label: 'Workflow id', value: `authority-${facts.requestId}` },
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
  return renderEmail({ language: 'en', subject: `[Privacy team] ${copy.title} – authority request ${facts.requestId}`, blocks });
}
