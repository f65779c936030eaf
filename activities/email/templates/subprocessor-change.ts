/**
 * Emails of the subprocessor change process (policy 5.1-5.4, 6; GDPR Art. 28(2), 28(4)): the notice of a
 * change with the customer's right to object, a reminder before the window closes, the answer to an
 * objection judged unreasonable, the processor's offer of a change, and the customer's right to
 * terminate the services affected (5.4); and, in English, the privacy team's alert when a customer
 * could not be told of a change.
 *
 * Pure functions: same facts, same email. Each language's text is written in full (no machine
 * translation); every language fills the same copy type, so none can lack a passage.
 */
import { workflowIds } from '../../../domain/ids';
import { defaultTimeZone, type Language } from '../../../domain/language';
import type { ObjectionWindowAlertKind } from '../../../domain/subprocessor-change';
import { isoCountryCodes, type TransferBasis } from '../../../domain/transfers';
import { formatInstant, locales } from '../format';
import { renderEmail, type EmailBlock, type RenderedEmail } from './rendered-email';

export type SubprocessorChangeEmailFacts = {
  customerName: string;
  changeId: string;
  action: 'added' | 'replaced' | 'removed';
  subprocessorName: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  purpose: string;
  /** Absent for a removal. */
  transferBasis?: TransferBasis;
  /** The name (or id, when the register does not know it) of the subprocessor replaced. */
  replacesName?: string;
  effectiveAt: string;
  windowClosesAt: string;
  contactEmail: string;
  timeZone: string;
};

export type TerminationRightReason = 'no-offer' | 'offer-declined';

type Copy = {
  marker: string;
  greeting: string;
  signOff: string;
  action: Record<SubprocessorChangeEmailFacts['action'], string>;
  basis: Record<TransferBasis, string>;
  labels: { change: string; action: string; subprocessor: string; replaces: string; country: string; purpose: string; basis: string; effective: string; objectBy: string };
  noticeSubject(name: string): string;
  noticeIntro(customer: string): string;
  howToObject(contact: string, by: string): string;
  silence: string;
  reminderSubject(name: string): string;
  reminderIntro(by: string): string;
  rejectedSubject(name: string): string;
  rejectedIntro: string;
  reasonLabel: string;
  rejectedOutro: string;
  offerSubject(name: string): string;
  offerIntro: string;
  offerOutro(contact: string): string;
  terminationSubject(name: string): string;
  terminationIntro(why: TerminationRightReason, deadline: string | undefined): string;
  terminationServices(services: string): string;
  terminationOutro(contact: string): string;
};

const copy: Record<Language, Copy> = {
  nl: {
    marker: '[Subverwerkers]',
    greeting: 'Geachte heer, mevrouw,',
    signOff: 'Met vriendelijke groet,\nHet privacyteam',
    action: { added: 'nieuwe subverwerker', replaced: 'vervanging van een subverwerker', removed: 'subverwerker verwijderd' },
    basis: {
      eea: 'geen doorgifte: de subverwerker is gevestigd in de Europese Economische Ruimte',
      adequacy: 'adequaatheidsbesluit van de Europese Commissie (art. 45 AVG)',
      scc: 'standaardcontractbepalingen (Besluit (EU) 2021/914, art. 46 AVG)',
      bcr: 'bindende bedrijfsvoorschriften (art. 47 AVG)',
      certification: 'certificering (art. 46, lid 2, f) AVG)',
    },
    labels: {
      change: 'Referentie van de wijziging',
      action: 'Wijziging',
      subprocessor: 'Subverwerker',
      replaces: 'Vervangt',
      country: 'Land van vestiging',
      purpose: 'Doel van de verwerking',
      basis: 'Grondslag voor de doorgifte',
      effective: 'Van kracht op',
      objectBy: 'Bezwaar mogelijk tot',
    },
    noticeSubject: (name) => `Wijziging in onze subverwerkers: ${name}`,
    noticeIntro: (customer) =>
      `Zoals ons verwerkingsbeleid (artikel 5) bepaalt, melden wij ${customer} een wijziging in de lijst van subverwerkers ` +
      'die wij inschakelen voor de verwerking van persoonsgegevens in uw opdracht. De bijgewerkte lijst vermeldt de wijziging.',
    howToObject: (contact, by) =>
      `U kunt tegen deze wijziging bezwaar maken, schriftelijk en met opgave van redenen, tot ${by}. ` +
      `Stuur uw bezwaar naar ${contact}. Wij beoordelen elk bezwaar; vinden wij het redelijk, dan stellen wij binnen 30 dagen ` +
      'een wijziging in de diensten of in het gebruik ervan voor.',
    silence: 'Zonder bezwaar binnen deze termijn beschouwen wij de wijziging als aanvaard.',
    reminderSubject: (name) => `Herinnering: bezwaar tegen subverwerker ${name} nog mogelijk`,
    reminderIntro: (by) => `Wij herinneren u eraan dat u tot ${by} bezwaar kunt maken tegen de onderstaande wijziging.`,
    rejectedSubject: (name) => `Uw bezwaar tegen subverwerker ${name}`,
    rejectedIntro: 'Wij hebben uw bezwaar tegen de onderstaande wijziging zorgvuldig beoordeeld, maar achten het niet redelijk.',
    reasonLabel: 'Onze motivering',
    rejectedOutro: 'De wijziging gaat dus door zoals aangekondigd. Heeft u vragen, antwoord dan op deze e-mail.',
    offerSubject: (name) => `Ons voorstel na uw bezwaar tegen subverwerker ${name}`,
    offerIntro: 'Wij vinden uw bezwaar redelijk. Wij stellen u de volgende wijziging in de diensten of in het gebruik ervan voor:',
    offerOutro: (contact) => `Laat ons schriftelijk weten of u dit voorstel aanvaardt, via ${contact}.`,
    terminationSubject: (name) => `Uw recht om de betrokken diensten op te zeggen (subverwerker ${name})`,
    terminationIntro: (why, deadline) =>
      why === 'no-offer'
        ? `Wij vonden uw bezwaar redelijk, maar hebben u niet binnen 30 dagen (tot ${deadline}) een wijziging kunnen voorstellen.`
        : 'U heeft ons voorstel na uw redelijke bezwaar niet aanvaard.',
    terminationServices: (services) =>
      `Overeenkomstig artikel 5.4 van ons verwerkingsbeleid mag u daarom de diensten opzeggen waarvoor deze subverwerker wordt ingeschakeld: ${services}.`,
    terminationOutro: (contact) => `Wilt u van dit recht gebruikmaken, laat het ons dan schriftelijk weten via ${contact}.`,
  },
  fr: {
    marker: '[Sous-traitants ultérieurs]',
    greeting: 'Madame, Monsieur,',
    signOff: "Cordialement,\nL'équipe Protection des données",
    action: { added: 'nouveau sous-traitant ultérieur', replaced: "remplacement d'un sous-traitant ultérieur", removed: 'sous-traitant ultérieur retiré' },
    basis: {
      eea: "aucun transfert : le sous-traitant ultérieur est établi dans l'Espace économique européen",
      adequacy: "décision d'adéquation de la Commission européenne (art. 45 RGPD)",
      scc: 'clauses contractuelles types (décision (UE) 2021/914, art. 46 RGPD)',
      bcr: "règles d'entreprise contraignantes (art. 47 RGPD)",
      certification: 'certification (art. 46, par. 2, f) RGPD)',
    },
    labels: {
      change: 'Référence de la modification',
      action: 'Modification',
      subprocessor: 'Sous-traitant ultérieur',
      replaces: 'Remplace',
      country: "Pays d'établissement",
      purpose: 'Finalité du traitement',
      basis: 'Base du transfert',
      effective: "Prise d'effet",
      objectBy: "Opposition possible jusqu'au",
    },
    noticeSubject: (name) => `Modification de nos sous-traitants ultérieurs : ${name}`,
    noticeIntro: (customer) =>
      `Conformément à notre politique de traitement (article 5), nous informons ${customer} d'une modification de la liste ` +
      'des sous-traitants ultérieurs auxquels nous faisons appel pour traiter des données à caractère personnel pour votre compte. ' +
      'La liste mise à jour signale la modification.',
    howToObject: (contact, by) =>
      `Vous pouvez vous opposer à cette modification, par écrit et en indiquant vos motifs, jusqu'au ${by}. ` +
      `Adressez votre opposition à ${contact}. Nous examinons chaque opposition ; si nous la jugeons raisonnable, nous vous ` +
      "proposerons dans les 30 jours une modification des services ou de leur utilisation.",
    silence: "Sans opposition dans ce délai, nous considérerons la modification comme acceptée.",
    reminderSubject: (name) => `Rappel : opposition au sous-traitant ultérieur ${name} encore possible`,
    reminderIntro: (by) => `Nous vous rappelons que vous pouvez vous opposer à la modification ci-dessous jusqu'au ${by}.`,
    rejectedSubject: (name) => `Votre opposition au sous-traitant ultérieur ${name}`,
    rejectedIntro: "Nous avons examiné attentivement votre opposition à la modification ci-dessous, mais ne la jugeons pas raisonnable.",
    reasonLabel: 'Notre motivation',
    rejectedOutro: "La modification est donc maintenue telle qu'annoncée. Pour toute question, répondez à ce courriel.",
    offerSubject: (name) => `Notre proposition suite à votre opposition au sous-traitant ultérieur ${name}`,
    offerIntro: 'Nous jugeons votre opposition raisonnable. Nous vous proposons la modification suivante des services ou de leur utilisation :',
    offerOutro: (contact) => `Merci de nous faire savoir par écrit si vous acceptez cette proposition, à l'adresse ${contact}.`,
    terminationSubject: (name) => `Votre droit de résilier les services concernés (sous-traitant ultérieur ${name})`,
    terminationIntro: (why, deadline) =>
      why === 'no-offer'
        ? `Nous avons jugé votre opposition raisonnable, mais n'avons pas pu vous proposer de modification dans les 30 jours (jusqu'au ${deadline}).`
        : "Vous n'avez pas accepté notre proposition faisant suite à votre opposition raisonnable.",
    terminationServices: (services) =>
      `Conformément à l'article 5.4 de notre politique de traitement, vous pouvez dès lors résilier les services pour lesquels ce sous-traitant ultérieur intervient : ${services}.`,
    terminationOutro: (contact) => `Si vous souhaitez exercer ce droit, faites-le-nous savoir par écrit à l'adresse ${contact}.`,
  },
  en: {
    marker: '[Subprocessors]',
    greeting: 'Dear Sir or Madam,',
    signOff: 'Kind regards,\nThe privacy team',
    action: { added: 'new subprocessor', replaced: 'replacement of a subprocessor', removed: 'subprocessor removed' },
    basis: {
      eea: 'no transfer: the subprocessor is established in the European Economic Area',
      adequacy: 'adequacy decision of the European Commission (Art. 45 GDPR)',
      scc: 'standard contractual clauses (Decision (EU) 2021/914, Art. 46 GDPR)',
      bcr: 'binding corporate rules (Art. 47 GDPR)',
      certification: 'certification (Art. 46(2)(f) GDPR)',
    },
    labels: {
      change: 'Change reference',
      action: 'Change',
      subprocessor: 'Subprocessor',
      replaces: 'Replaces',
      country: 'Country of establishment',
      purpose: 'Purpose of the processing',
      basis: 'Transfer basis',
      effective: 'Effective from',
      objectBy: 'Objections possible until',
    },
    noticeSubject: (name) => `Change to our subprocessors: ${name}`,
    noticeIntro: (customer) =>
      `As our processing policy (section 5) provides, we are informing ${customer} of a change to the list of subprocessors ` +
      'we engage to process personal data on your behalf. The updated list marks the change.',
    howToObject: (contact, by) =>
      `You may object to this change, in writing and stating your reasons, until ${by}. ` +
      `Please send your objection to ${contact}. We consider every objection; if we find it reasonable, we will offer you a ` +
      'change in the services or in their use within 30 days.',
    silence: 'Without an objection within this period, we will consider the change accepted.',
    reminderSubject: (name) => `Reminder: you can still object to subprocessor ${name}`,
    reminderIntro: (by) => `This is a reminder that you may object to the change below until ${by}.`,
    rejectedSubject: (name) => `Your objection to subprocessor ${name}`,
    rejectedIntro: 'We have carefully considered your objection to the change below, but we do not find it reasonable.',
    reasonLabel: 'Our reasons',
    rejectedOutro: 'The change therefore goes ahead as announced. If you have any questions, please reply to this email.',
    offerSubject: (name) => `Our offer following your objection to subprocessor ${name}`,
    offerIntro: 'We find your objection reasonable. We offer you the following change in the services or in their use:',
    offerOutro: (contact) => `Please let us know in writing whether you accept this offer, at ${contact}.`,
    terminationSubject: (name) => `Your right to terminate the services affected (subprocessor ${name})`,
    terminationIntro: (why, deadline) =>
      why === 'no-offer'
        ? `We found your objection reasonable, but could not offer you a change within 30 days (by ${deadline}).`
        : 'You did not accept our offer following your reasonable objection.',
    terminationServices: (services) =>
      `Under section 5.4 of our processing policy you may therefore terminate the services for which this subprocessor is engaged: ${services}.`,
    terminationOutro: (contact) => `If you wish to exercise this right, please tell us in writing at ${contact}.`,
  },
};

/** "Verenigde Staten (US)", "États-Unis (US)", "United States (US)"; the code alone when unknown. */
export function countryName(country: string, language: Language): string {
  if (!isoCountryCodes.has(country)) return country;
  try {
    const name = new Intl.DisplayNames([locales[language]], { type: 'region', fallback: 'none' }).of(country);
    return name ? `${name} (${country})` : country;
  } catch {
    return country;
  }
}

function factsBlock(facts: SubprocessorChangeEmailFacts, language: Language): EmailBlock {
  const c = copy[language];
  const at = (instant: string) => formatInstant(instant, language, facts.timeZone);
  return {
    kind: 'facts',
    rows: [
      { label: c.labels.change, value: facts.changeId },
      { label: c.labels.action, value: c.action[facts.action] },
      { label: c.labels.subprocessor, value: facts.subprocessorName },
      ...(facts.replacesName !== undefined ? [{ label: c.labels.replaces, value: facts.replacesName }] : []),
      { label: c.labels.country, value: countryName(facts.country, language) },
      { label: c.labels.purpose, value: facts.purpose },
      ...(facts.transferBasis !== undefined ? [{ label: c.labels.basis, value: c.basis[facts.transferBasis] }] : []),
      { label: c.labels.effective, value: at(facts.effectiveAt) },
      { label: c.labels.objectBy, value: at(facts.windowClosesAt) },
    ],
  };
}

function email(language: Language, subject: string, facts: SubprocessorChangeEmailFacts, body: EmailBlock[]): RenderedEmail {
  const c = copy[language];
  return renderEmail({
    language,
    subject: `${c.marker} ${subject} (${facts.changeId})`,
    blocks: [{ kind: 'paragraph', text: c.greeting }, ...body, { kind: 'paragraph', text: c.signOff }],
  });
}

/** 5.2: what changes, which subprocessor, where, why, on which basis, from when, and how to object until when. */
export function renderSubprocessorChangeNotice(facts: SubprocessorChangeEmailFacts, language: Language): RenderedEmail {
  const c = copy[language];
  const by = formatInstant(facts.windowClosesAt, language, facts.timeZone);
  return email(language, c.noticeSubject(facts.subprocessorName), facts, [
    { kind: 'paragraph', text: c.noticeIntro(facts.customerName) },
    factsBlock(facts, language),
    { kind: 'paragraph', text: c.howToObject(facts.contactEmail, by) },
    { kind: 'paragraph', text: c.silence },
  ]);
}

export function renderObjectionReminder(facts: SubprocessorChangeEmailFacts, language: Language): RenderedEmail {
  const c = copy[language];
  const by = formatInstant(facts.windowClosesAt, language, facts.timeZone);
  return email(language, c.reminderSubject(facts.subprocessorName), facts, [
    { kind: 'paragraph', text: c.reminderIntro(by) },
    factsBlock(facts, language),
    { kind: 'paragraph', text: c.howToObject(facts.contactEmail, by) },
  ]);
}

export function renderObjectionRejected(facts: SubprocessorChangeEmailFacts & { reason: string }, language: Language): RenderedEmail {
  const c = copy[language];
  return email(language, c.rejectedSubject(facts.subprocessorName), facts, [
    { kind: 'paragraph', text: c.rejectedIntro },
    factsBlock(facts, language),
    { kind: 'heading', text: c.reasonLabel },
    { kind: 'paragraph', text: facts.reason },
    { kind: 'paragraph', text: c.rejectedOutro },
  ]);
}

export function renderRemedyOffer(facts: SubprocessorChangeEmailFacts & { offer: string }, language: Language): RenderedEmail {
  const c = copy[language];
  return email(language, c.offerSubject(facts.subprocessorName), facts, [
    { kind: 'paragraph', text: c.offerIntro },
    { kind: 'paragraph', text: facts.offer },
    factsBlock(facts, language),
    { kind: 'paragraph', text: c.offerOutro(facts.contactEmail) },
  ]);
}

/** 5.4: no offer in time, or an offer declined: the customer may terminate the services affected. */
export function renderTerminationRight(
  facts: SubprocessorChangeEmailFacts & { why: TerminationRightReason; remedyDeadlineAt?: string },
  language: Language,
): RenderedEmail {
  const c = copy[language];
  const deadline = facts.remedyDeadlineAt ? formatInstant(facts.remedyDeadlineAt, language, facts.timeZone) : undefined;
  return email(language, c.terminationSubject(facts.subprocessorName), facts, [
    { kind: 'paragraph', text: c.terminationIntro(facts.why, deadline) },
    { kind: 'paragraph', text: c.terminationServices(facts.purpose) },
    factsBlock(facts, language),
    { kind: 'paragraph', text: c.terminationOutro(facts.contactEmail) },
  ]);
}

// ---------------------------------------------------------------------------------------------
// Internal alert to the processor's privacy team (English; identifiers only, no personal data)

export type ObjectionWindowAlertFacts = {
  kind: ObjectionWindowAlertKind;
  changeId: string;
  customerId: string;
  action: SubprocessorChangeEmailFacts['action'];
  subprocessorId: string;
  subprocessorName: string;
  /** What went wrong: the workflow's words and the SMTP answers, never an address. */
  detail: string;
  /** When the customer objected, if it did before the notice could be sent: its window then goes on. */
  objectionReceivedAt?: string;
};

/** `afterwards`: where the window stands, for the later emails (the notice's depends on an objection). */
const alertCopy: Record<ObjectionWindowAlertKind, { title: string; action: string; afterwards?: string }> = {
  'no-customer-record': {
    title: 'No customer record for a subprocessor change notice',
    action:
      'The product has not described this customer (no customer.upserted), so it has not been told of the ' +
      'subprocessor change nor of its right to object within 30 days (policy 5.2). Ask the product team why the ' +
      'customer record is missing, tell the customer of the change by another channel, and record how and when.',
  },
  'notice-undeliverable': {
    title: 'Subprocessor change notice could not be delivered',
    action:
      'No contact of the customer accepted the notice of the subprocessor change, so it has not been told of the ' +
      'change nor of its right to object within 30 days (policy 5.2). Check the contacts on the customer record, ' +
      'tell the customer of the change by another channel, and record how and when.',
  },
  'reminder-undeliverable': {
    title: 'Objection window reminder could not be delivered',
    action:
      'No contact of the customer accepted the reminder that its window to object to the subprocessor change ' +
      'closes soon (policy 5.2). The notice itself was delivered. Check the contacts on the customer record; ' +
      'if they have changed, remind the customer by another channel.',
    afterwards: 'The window stays open until it closes, and can still record an objection.',
  },
  'rejection-undeliverable': {
    title: 'Rejection of an objection could not be delivered',
    action:
      "The customer's objection to the subprocessor change was judged unreasonable, but no contact accepted " +
      'the email telling it so, with the reason (policy 5.3). Tell the customer of the judgment and its reason ' +
      'by another channel, and record how and when.',
    afterwards: 'The window has ended as objection-rejected.',
  },
  'offer-undeliverable': {
    title: 'Offer of a change could not be delivered',
    action:
      "The customer's objection was judged reasonable and a change in the services or in their use was offered, " +
      'but no contact accepted the email carrying the offer (policy 5.3). Send the offer by another channel, ' +
      'and record how and when.',
    afterwards: "The window awaits the customer's answer (update recordRemedyAnswer).",
  },
  'termination-right-undeliverable': {
    title: 'Right to terminate could not be delivered',
    action:
      'No contact accepted the email telling the customer that it may terminate the services affected by the ' +
      'subprocessor change (policy 5.4). Tell the customer of this right, and of the services concerned, by ' +
      'another channel, and record how and when.',
    afterwards: 'The window has ended as termination-right.',
  },
};

/** 5.2: a customer that cannot be told cannot object; a person has to reach it. */
export function renderObjectionWindowAlert(facts: ObjectionWindowAlertFacts): RenderedEmail {
  const alert = alertCopy[facts.kind];
  const workflowId = workflowIds.objection(facts.changeId, facts.customerId);
  const afterwards =
    alert.afterwards ??
    (facts.objectionReceivedAt === undefined
      ? `The objection window ${workflowId} has ended as undeliverable and cannot record an objection: keep any ` +
        'objection the customer sends with the change, and judge it as policy 5.3 provides.'
      : 'The customer objected before the notice could be sent (received ' +
        `${formatInstant(facts.objectionReceivedAt, 'en', defaultTimeZone)}), so its window goes on and awaits your ` +
        'judgment (update judgeObjection). Its later emails are likely to fail as well.');
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: `${alert.title}.` },
    {
      kind: 'facts',
      rows: [
        { label: 'Alert', value: facts.kind },
        { label: 'Change', value: facts.changeId },
        { label: 'Customer id', value: facts.customerId },
        { label: 'Subprocessor', value: `${facts.subprocessorName} (${facts.subprocessorId}), ${copy.en.action[facts.action]}` },
        { label: 'Workflow id', value: workflowId },
      ],
    },
    { kind: 'heading', text: 'Detail' },
    { kind: 'paragraph', text: facts.detail.trim() },
    { kind: 'heading', text: 'What to do' },
    { kind: 'paragraph', text: alert.action },
    { kind: 'paragraph', text: afterwards },
    {
      kind: 'note',
      text:
        'Sent automatically by the DPA orchestrator. It carries identifiers only; open the workflow in the ' +
        'Temporal Web UI (query objectionWindowStatus) for the window and its timeline.',
    },
  ];
  return renderEmail({
    language: 'en',
    subject: `[Privacy team] ${alert.title} – change ${facts.changeId}, customer ${facts.customerId}`,
    blocks,
  });
}
