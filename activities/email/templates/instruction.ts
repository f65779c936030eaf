/**
 * Emails of the unlawful-instruction process (policy 3.2–3.4; GDPR Art. 28(3), last subparagraph): the
 * notice that an instruction is suspended and why, the processor's decision to continue under earlier
 * instructions or to stop, reminders while the instruction stays suspended, the confirmation that it is
 * resumed, and internal alerts to the processor's privacy team.
 *
 * Every function is pure: same facts, same email. Each language fills the same copy type, so the
 * compiler refuses a language that lacks a passage.
 */
import type { ProcessingDecision } from '../../../domain/instruction';
import { defaultTimeZone, type Language } from '../../../domain/language';
import { formatInstant } from '../format';
import { renderEmail, type EmailBlock, type RenderedEmail } from './rendered-email';

// ---------------------------------------------------------------------------------------------
// Facts

type InstructionFactsBase = {
  customerName: string;
  instructionId: string;
  /** ISO UTC: when the instruction was flagged and suspended. */
  flaggedAt: string;
  contactEmail: string;
  timeZone: string;
};

export type InstructionNoticeFacts = InstructionFactsBase & { instruction: string; reason: string };

export type InstructionDecisionFacts = InstructionFactsBase & { decision: ProcessingDecision; note?: string; decidedAt: string };

export type InstructionReminderFacts = InstructionNoticeFacts & {
  reminderNumber: number;
  /** The decision in force, if one was made. */
  decision?: ProcessingDecision;
};

export type InstructionResumedFacts = InstructionFactsBase & {
  resolution: 'revised' | 'confirmed';
  /** The revised instruction, or the customer's guarantee. */
  text: string;
  resumedAt: string;
};

export type InstructionAlertKind =
  | 'instruction-flagged'
  | 'open-reminder'
  | 'notice-undeliverable'
  | 'no-customer-record'
  | 'resumed-under-guarantee';

export type InstructionAlertFacts = {
  kind: InstructionAlertKind;
  instructionId: string;
  customerId: string;
  detail: string;
  /** The decision in force, if any. */
  decision?: ProcessingDecision;
  flaggedAt?: string;
};

// ---------------------------------------------------------------------------------------------
// Wording shared by every customer email

type CommonCopy = {
  marker: string;
  greeting: string;
  signOff: string;
  confidential: string;
  reference: string;
  suspendedSince: string;
  theInstruction: string;
  why: string;
  whatWeAsk: string;
  options: [string, string];
  howToAnswer(email: string, instructionId: string): string;
  questions(email: string, instructionId: string): string;
};

const common: Record<Language, CommonCopy> = {
  nl: {
    marker: '[Verwerkingsinstructie]',
    greeting: 'Geachte heer, mevrouw,',
    signOff: 'Met vriendelijke groet,\nHet privacyteam',
    confidential: 'Deze e-mail bevat vertrouwelijke informatie over de verwerking van persoonsgegevens voor uw organisatie.',
    reference: 'Referentie van de instructie',
    suspendedSince: 'Opgeschort sinds',
    theInstruction: 'De instructie',
    why: 'Waarom de instructie volgens ons in strijd is met de wet',
    whatWeAsk: 'Wat wij van u vragen',
    options: [
      'Herzie de instructie, zodat ze niet langer in strijd is met de AVG of andere wetgeving; of',
      'Handhaaft u de instructie, bevestig dan schriftelijk dat ze rechtmatig is en garandeer de wettelijkheid ervan, met een toelichting.',
    ],
    howToAnswer: (email, id) =>
      `U kunt antwoorden via ons platform of door te schrijven naar ${email}, met vermelding van referentie ${id}. ` +
      'Als verwerkingsverantwoordelijke behoudt u de volledige zeggenschap over de verwerking (artikel 3.3 van onze ' +
      'Dataverwerkingspolicy). Kunt u uw verantwoordelijkheden op dit punt niet nakomen, laat het ons dan onverwijld ' +
      'weten (artikel 3.4).',
    questions: (email, id) =>
      `Hebt u vragen, neem dan contact op met ons privacyteam via ${email} en vermeld de referentie ${id}.`,
  },
  fr: {
    marker: '[Instruction de traitement]',
    greeting: 'Madame, Monsieur,',
    signOff: "Cordialement,\nL'équipe Protection des données",
    confidential:
      'Ce courriel contient des informations confidentielles relatives au traitement de données à caractère ' +
      'personnel pour votre organisation.',
    reference: "Référence de l'instruction",
    suspendedSince: 'Suspendue depuis le',
    theInstruction: "L'instruction",
    why: "Pourquoi l'instruction nous paraît contraire à la loi",
    whatWeAsk: 'Ce que nous vous demandons',
    options: [
      "Modifier l'instruction afin qu'elle ne soit plus contraire au RGPD ou à une autre législation\u00a0; ou",
      "Si vous maintenez l'instruction, confirmer par écrit qu'elle est licite et en garantir la légalité, en motivant votre position.",
    ],
    howToAnswer: (email, id) =>
      `Vous pouvez répondre via notre plateforme ou en écrivant à ${email}, en mentionnant la référence ${id}. ` +
      'En tant que responsable du traitement, vous conservez la maîtrise totale du traitement (article 3.3 de notre ' +
      "Politique de traitement des données). Si vous n'êtes pas en mesure de respecter vos obligations à cet égard, " +
      'merci de nous en informer sans délai (article 3.4).',
    questions: (email, id) =>
      "Pour toute question, vous pouvez contacter notre équipe Protection des données à l'adresse " +
      `${email}, en mentionnant la référence ${id}.`,
  },
  en: {
    marker: '[Processing instruction]',
    greeting: 'Dear Sir or Madam,',
    signOff: 'Kind regards,\nThe privacy team',
    confidential: 'This email contains confidential information about the processing of personal data for your organisation.',
    reference: 'Instruction reference',
    suspendedSince: 'Suspended since',
    theInstruction: 'The instruction',
    why: 'Why we believe the instruction infringes the law',
    whatWeAsk: 'What we ask of you',
    options: [
      'Revise the instruction so that it no longer infringes the GDPR or other law; or',
      'If you maintain the instruction, confirm in writing that it is lawful and guarantee its lawfulness, giving your reasons.',
    ],
    howToAnswer: (email, id) =>
      `You can answer through our platform or by writing to ${email}, quoting reference ${id}. As controller, you ` +
      'keep full control over the processing (section 3.3 of our Data Processing Policy). If you are unable to meet ' +
      'your responsibilities in this respect, please tell us without delay (section 3.4).',
    questions: (email, id) => `If you have any questions, please contact our privacy team at ${email}, quoting reference ${id}.`,
  },
};

function formatter(language: Language, timeZone: string) {
  return { copy: common[language], at: (instantIso: string) => formatInstant(instantIso, language, timeZone) };
}

function askBlocks(copy: CommonCopy, email: string, instructionId: string): EmailBlock[] {
  return [
    { kind: 'heading', text: copy.whatWeAsk },
    { kind: 'list', items: copy.options },
    { kind: 'paragraph', text: copy.howToAnswer(email, instructionId) },
  ];
}

// ---------------------------------------------------------------------------------------------
// 1. The notice: the instruction appears unlawful and is suspended (3.2; Art. 28(3) last subparagraph)

type NoticeCopy = {
  subject(instructionId: string): string;
  intro(customerName: string): string;
  suspension: string;
  suspensionText(at: string): string;
  reminders: string;
};

const noticeCopy: Record<Language, NoticeCopy> = {
  nl: {
    subject: (id) => `${common.nl.marker} Instructie ${id} opgeschort: mogelijk in strijd met de wet`,
    intro: (customer) =>
      `Als verwerker voor ${customer} verwerken wij persoonsgegevens alleen volgens uw gedocumenteerde instructies ` +
      '(artikel 3.1 van onze Dataverwerkingspolicy). Wij moeten u inlichten wanneer een instructie naar onze mening ' +
      'in strijd is met de Algemene Verordening Gegevensbescherming (AVG) of andere wetgeving (artikel 3.2 van onze ' +
      'Dataverwerkingspolicy; artikel 28, lid 3, laatste alinea, AVG). Dat is het geval voor de volgende instructie.',
    suspension: 'Opschorting van de instructie',
    suspensionText: (at) =>
      `Wij hebben de uitvoering van deze instructie opgeschort vanaf ${at} (artikel 3.2, i). Tot u de instructie ` +
      'herziet of de wettelijkheid ervan garandeert, verwerken wij uw persoonsgegevens naar eigen goeddunken verder ' +
      'volgens uw eerdere instructies, of zetten wij de verwerking stop (artikel 3.2, ii). Wij laten u weten welke ' +
      'keuze wij maken.',
    reminders: 'Zolang de instructie opgeschort blijft, sturen wij u geregeld een herinnering.',
  },
  fr: {
    subject: (id) => `${common.fr.marker} Instruction ${id} suspendue\u00a0: possible violation de la loi`,
    intro: (customer) =>
      `En notre qualité de sous-traitant pour ${customer}, nous ne traitons les données à caractère personnel que ` +
      'sur instruction documentée de votre part (article 3.1 de notre Politique de traitement des données). Nous ' +
      'devons vous informer si, selon nous, une instruction constitue une violation du Règlement général sur la ' +
      "protection des données (RGPD) ou d'une autre législation (article 3.2 de notre Politique de traitement des " +
      "données\u00a0; article 28, paragraphe 3, dernier alinéa, du RGPD). C'est le cas de l'instruction ci-dessous.",
    suspension: "Suspension de l'instruction",
    suspensionText: (at) =>
      `Nous avons suspendu l'exécution de cette instruction à compter du ${at} (article 3.2, i). Jusqu'à ce que ` +
      "vous modifiiez l'instruction ou en garantissiez la légalité, nous pourrons, à notre discrétion, soit " +
      'continuer à traiter vos données à caractère personnel conformément à vos instructions antérieures, soit ' +
      'arrêter entièrement le traitement (article 3.2, ii). Nous vous ferons connaître notre choix.',
    reminders: "Tant que l'instruction reste suspendue, nous vous adresserons des rappels réguliers.",
  },
  en: {
    subject: (id) => `${common.en.marker} Instruction ${id} suspended: it may infringe the law`,
    intro: (customer) =>
      `As processor for ${customer}, we process personal data only on your documented instructions (section 3.1 of ` +
      'our Data Processing Policy). We must tell you when, in our opinion, an instruction infringes the General ' +
      'Data Protection Regulation (GDPR) or other law (section 3.2 of our Data Processing Policy; Article 28(3), ' +
      'last subparagraph, GDPR). That is the case for the instruction below.',
    suspension: 'Suspension of the instruction',
    suspensionText: (at) =>
      `We have suspended the execution of this instruction as of ${at} (section 3.2(i)). Until you revise the ` +
      'instruction or guarantee its lawfulness, we will, at our discretion, either continue to process your ' +
      'personal data under your earlier instructions or stop the processing entirely (section 3.2(ii)). We will ' +
      'let you know which we choose.',
    reminders: 'While the instruction remains suspended, we will send you regular reminders.',
  },
};

export function renderInstructionNotice(facts: InstructionNoticeFacts, language: Language): RenderedEmail {
  const copy = noticeCopy[language];
  const f = formatter(language, facts.timeZone);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: f.copy.greeting },
    { kind: 'paragraph', text: copy.intro(facts.customerName) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.reference, value: facts.instructionId },
        { label: f.copy.suspendedSince, value: f.at(facts.flaggedAt) },
      ],
    },
    { kind: 'heading', text: f.copy.theInstruction },
    { kind: 'paragraph', text: facts.instruction.trim() },
    { kind: 'heading', text: f.copy.why },
    { kind: 'paragraph', text: facts.reason.trim() },
    { kind: 'heading', text: copy.suspension },
    { kind: 'paragraph', text: copy.suspensionText(f.at(facts.flaggedAt)) },
    ...askBlocks(f.copy, facts.contactEmail, facts.instructionId),
    { kind: 'paragraph', text: copy.reminders },
    { kind: 'paragraph', text: f.copy.signOff },
    { kind: 'note', text: f.copy.confidential },
  ];
  return renderEmail({ language, subject: copy.subject(facts.instructionId), blocks });
}

// ---------------------------------------------------------------------------------------------
// 2. The processor's decision while the instruction is suspended (3.2 (ii))

type DecisionCopy = {
  subject(instructionId: string): string;
  intro(customerName: string, flaggedAt: string, instructionId: string, decidedAt: string): string;
  decidedAt: string;
  heading: Record<ProcessingDecision, string>;
  text: Record<ProcessingDecision, string>;
  note: string;
  validity: string;
};

const decisionCopy: Record<Language, DecisionCopy> = {
  nl: {
    subject: (id) => `${common.nl.marker} Onze beslissing over de verwerking zolang instructie ${id} opgeschort is`,
    intro: (customer, flagged, id, decided) =>
      `Op ${flagged} hebben wij ${customer} laten weten dat wij instructie ${id} hebben opgeschort, omdat ze naar ` +
      'onze mening in strijd is met de AVG of andere wetgeving. Zoals artikel 3.2 van onze Dataverwerkingspolicy ' +
      `toelaat, hebben wij op ${decided} het volgende beslist.`,
    decidedAt: 'Beslist op',
    heading: {
      'continue-under-earlier-instructions': 'Wij verwerken verder volgens uw eerdere instructies',
      'stop-processing': 'Wij zetten de verwerking stop',
    },
    text: {
      'continue-under-earlier-instructions':
        'Wij voeren de opgeschorte instructie niet uit, maar blijven uw persoonsgegevens verwerken volgens de ' +
        'instructies die u ons eerder gaf. De diensten blijven dus beschikbaar zoals vóór deze instructie.',
      'stop-processing':
        'Wij zetten de verwerking van uw persoonsgegevens volledig stop tot u de instructie herziet of de ' +
        'wettelijkheid ervan garandeert. Diensten waarvoor die verwerking nodig is, zijn in die periode niet ' +
        'beschikbaar. Wij doen intussen niets anders met uw persoonsgegevens dan ze beveiligd bewaren; wij wissen ' +
        'niets zonder uw instructie.',
    },
    note: 'Toelichting',
    validity:
      'Deze beslissing geldt tot u de instructie herziet of schriftelijk de wettelijkheid ervan garandeert. Passen wij ' +
      'ze intussen aan, dan laten wij het u weten.',
  },
  fr: {
    subject: (id) => `${common.fr.marker} Notre décision sur le traitement pendant la suspension de l'instruction ${id}`,
    intro: (customer, flagged, id, decided) =>
      `Le ${flagged}, nous avons informé ${customer} que nous avions suspendu l'instruction ${id}, parce qu'elle ` +
      "nous paraît contraire au RGPD ou à une autre législation. Comme le permet l'article 3.2 de notre Politique de " +
      `traitement des données, nous avons pris le ${decided} la décision suivante.`,
    decidedAt: 'Décision prise le',
    heading: {
      'continue-under-earlier-instructions': 'Nous poursuivons le traitement selon vos instructions antérieures',
      'stop-processing': 'Nous arrêtons le traitement',
    },
    text: {
      'continue-under-earlier-instructions':
        "Nous n'exécutons pas l'instruction suspendue, mais continuons à traiter vos données à caractère personnel " +
        'conformément aux instructions que vous nous avez données auparavant. Les services restent donc disponibles ' +
        'comme avant cette instruction.',
      'stop-processing':
        "Nous arrêtons entièrement le traitement de vos données à caractère personnel jusqu'à ce que vous modifiiez " +
        "l'instruction ou en garantissiez la légalité. Les services qui nécessitent ce traitement ne sont pas " +
        "disponibles pendant cette période. Dans l'intervalle, nous nous limitons à conserver vos données de manière " +
        'sécurisée\u00a0; nous ne supprimons rien sans votre instruction.',
    },
    note: 'Précisions',
    validity:
      "Cette décision s'applique jusqu'à ce que vous modifiiez l'instruction ou en garantissiez la légalité par écrit. " +
      'Si nous la modifions entre-temps, nous vous en informerons.',
  },
  en: {
    subject: (id) => `${common.en.marker} Our decision on processing while instruction ${id} is suspended`,
    intro: (customer, flagged, id, decided) =>
      `On ${flagged} we informed ${customer} that we had suspended instruction ${id} because, in our opinion, it ` +
      'infringes the GDPR or other law. As section 3.2 of our Data Processing Policy allows, on ' +
      `${decided} we decided as follows.`,
    decidedAt: 'Decided on',
    heading: {
      'continue-under-earlier-instructions': 'We continue processing under your earlier instructions',
      'stop-processing': 'We are stopping the processing',
    },
    text: {
      'continue-under-earlier-instructions':
        'We are not carrying out the suspended instruction, but continue to process your personal data under the ' +
        'instructions you gave us before. The services therefore remain available as they were before this instruction.',
      'stop-processing':
        'We are stopping the processing of your personal data entirely until you revise the instruction or guarantee ' +
        'its lawfulness. Services that need this processing are unavailable in the meantime. Meanwhile we do nothing ' +
        'with your personal data but keep it securely; we delete nothing without your instruction.',
    },
    note: 'Explanation',
    validity:
      'This decision applies until you revise the instruction or guarantee its lawfulness in writing. Should we ' +
      'change it in the meantime, we will let you know.',
  },
};

export function renderInstructionDecision(facts: InstructionDecisionFacts, language: Language): RenderedEmail {
  const copy = decisionCopy[language];
  const f = formatter(language, facts.timeZone);
  const note = facts.note?.trim() ?? '';
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: f.copy.greeting },
    { kind: 'paragraph', text: copy.intro(facts.customerName, f.at(facts.flaggedAt), facts.instructionId, f.at(facts.decidedAt)) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.reference, value: facts.instructionId },
        { label: f.copy.suspendedSince, value: f.at(facts.flaggedAt) },
        { label: copy.decidedAt, value: f.at(facts.decidedAt) },
      ],
    },
    { kind: 'heading', text: copy.heading[facts.decision] },
    { kind: 'paragraph', text: copy.text[facts.decision] },
    ...(note === '' ? [] : [{ kind: 'heading', text: copy.note } as const, { kind: 'paragraph', text: note } as const]),
    { kind: 'paragraph', text: copy.validity },
    ...askBlocks(f.copy, facts.contactEmail, facts.instructionId),
    { kind: 'paragraph', text: f.copy.signOff },
    { kind: 'note', text: f.copy.confidential },
  ];
  return renderEmail({ language, subject: copy.subject(facts.instructionId), blocks });
}

// ---------------------------------------------------------------------------------------------
// 3. Reminder: the instruction is still suspended

type ReminderCopy = {
  subject(instructionId: string, reminderNumber: number): string;
  intro(customerName: string, flaggedAt: string, instructionId: string, reminderNumber: number): string;
  meanwhile: string;
  decision: Record<ProcessingDecision | 'none', string>;
};

const reminderCopy: Record<Language, ReminderCopy> = {
  nl: {
    subject: (id, n) => `${common.nl.marker} Herinnering ${n}: instructie ${id} blijft opgeschort`,
    intro: (customer, flagged, id, n) =>
      `Op ${flagged} hebben wij ${customer} laten weten dat instructie ${id} naar onze mening in strijd is met de ` +
      'AVG of andere wetgeving, en dat wij de uitvoering ervan hebben opgeschort. Wij hebben nog geen herziene ' +
      `instructie of garantie van de wettelijkheid ervan ontvangen; dit is herinnering nummer ${n}.`,
    meanwhile: 'Verwerking intussen',
    decision: {
      'continue-under-earlier-instructions': 'verder volgens uw eerdere instructies',
      'stop-processing': 'stopgezet tot u de instructie herziet of de wettelijkheid ervan garandeert',
      none: 'nog niet beslist: wij laten u onze beslissing weten',
    },
  },
  fr: {
    subject: (id, n) => `${common.fr.marker} Rappel n°\u00a0${n}\u00a0: l'instruction ${id} reste suspendue`,
    intro: (customer, flagged, id, n) =>
      `Le ${flagged}, nous avons informé ${customer} que l'instruction ${id} nous paraît contraire au RGPD ou à une ` +
      "autre législation, et que nous en avions suspendu l'exécution. Nous n'avons encore reçu ni instruction " +
      `modifiée ni garantie de sa légalité\u00a0; il s'agit de notre rappel n°\u00a0${n}.`,
    meanwhile: "Traitement dans l'intervalle",
    decision: {
      'continue-under-earlier-instructions': 'poursuivi selon vos instructions antérieures',
      'stop-processing': "arrêté jusqu'à la modification de l'instruction ou la garantie de sa légalité",
      none: 'pas encore décidé\u00a0: nous vous ferons connaître notre décision',
    },
  },
  en: {
    subject: (id, n) => `${common.en.marker} Reminder ${n}: instruction ${id} remains suspended`,
    intro: (customer, flagged, id, n) =>
      `On ${flagged} we informed ${customer} that, in our opinion, instruction ${id} infringes the GDPR or other law, ` +
      'and that we had suspended its execution. We have not yet received a revised instruction or a guarantee of ' +
      `its lawfulness; this is reminder number ${n}.`,
    meanwhile: 'Processing in the meantime',
    decision: {
      'continue-under-earlier-instructions': 'continuing under your earlier instructions',
      'stop-processing': 'stopped until you revise the instruction or guarantee its lawfulness',
      none: 'not yet decided: we will let you know our decision',
    },
  },
};

export function renderInstructionReminder(facts: InstructionReminderFacts, language: Language): RenderedEmail {
  const copy = reminderCopy[language];
  const f = formatter(language, facts.timeZone);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: f.copy.greeting },
    { kind: 'paragraph', text: copy.intro(facts.customerName, f.at(facts.flaggedAt), facts.instructionId, facts.reminderNumber) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.reference, value: facts.instructionId },
        { label: f.copy.suspendedSince, value: f.at(facts.flaggedAt) },
        { label: copy.meanwhile, value: copy.decision[facts.decision ?? 'none'] },
      ],
    },
    { kind: 'heading', text: f.copy.theInstruction },
    { kind: 'paragraph', text: facts.instruction.trim() },
    { kind: 'heading', text: f.copy.why },
    { kind: 'paragraph', text: facts.reason.trim() },
    ...askBlocks(f.copy, facts.contactEmail, facts.instructionId),
    { kind: 'paragraph', text: f.copy.signOff },
    { kind: 'note', text: f.copy.confidential },
  ];
  return renderEmail({ language, subject: copy.subject(facts.instructionId, facts.reminderNumber), blocks });
}

// ---------------------------------------------------------------------------------------------
// 4. Confirmation: the instruction is resumed (revised, or its lawfulness guaranteed)

type ResumedCopy = {
  subject: Record<'revised' | 'confirmed', (instructionId: string) => string>;
  intro: Record<'revised' | 'confirmed', (customerName: string, at: string, instructionId: string) => string>;
  resumedAt: string;
  textHeading: Record<'revised' | 'confirmed', string>;
  after: Record<'revised' | 'confirmed', string>;
};

const resumedCopy: Record<Language, ResumedCopy> = {
  nl: {
    subject: {
      revised: (id) => `${common.nl.marker} Uw herziene instructie ${id} wordt uitgevoerd`,
      confirmed: (id) => `${common.nl.marker} Instructie ${id} wordt opnieuw uitgevoerd op basis van uw garantie`,
    },
    intro: {
      revised: (customer, at, id) =>
        `Wij hebben op ${at} de herziene instructie van ${customer} ontvangen (referentie ${id}). Daarmee eindigt ` +
        'de opschorting: wij verwerken uw persoonsgegevens vanaf nu volgens de herziene instructie.',
      confirmed: (customer, at, id) =>
        `Wij hebben op ${at} de bevestiging ontvangen dat ${customer} instructie ${id} handhaaft en de ` +
        'wettelijkheid ervan garandeert. Als verwerkingsverantwoordelijke behoudt u de volledige zeggenschap over de ' +
        'verwerking (artikel 3.3 van onze Dataverwerkingspolicy); wij heffen de opschorting daarom op en voeren de ' +
        'instructie vanaf nu uit.',
    },
    resumedAt: 'Opnieuw uitgevoerd vanaf',
    textHeading: { revised: 'Uw herziene instructie', confirmed: 'Uw garantie' },
    after: {
      revised: 'Wij bewaren uw herziene instructie bij uw gedocumenteerde instructies (artikel 3.1).',
      confirmed:
        'Wij bewaren uw garantie bij uw gedocumenteerde instructies (artikel 3.1). Blijkt de instructie later toch ' +
        'in strijd met de wet, dan lichten wij u opnieuw in.',
    },
  },
  fr: {
    subject: {
      revised: (id) => `${common.fr.marker} Votre instruction modifiée ${id} est exécutée`,
      confirmed: (id) => `${common.fr.marker} L'instruction ${id} est de nouveau exécutée sur la base de votre garantie`,
    },
    intro: {
      revised: (customer, at, id) =>
        `Nous avons reçu le ${at} l'instruction modifiée de ${customer} (référence ${id}). La suspension prend donc ` +
        "fin\u00a0: nous traitons désormais vos données à caractère personnel conformément à l'instruction modifiée.",
      confirmed: (customer, at, id) =>
        `Nous avons reçu le ${at} la confirmation que ${customer} maintient l'instruction ${id} et en garantit la ` +
        'légalité. En tant que responsable du traitement, vous conservez la maîtrise totale du traitement (article ' +
        '3.3 de notre Politique de traitement des données)\u00a0; nous levons donc la suspension et exécutons ' +
        "désormais l'instruction.",
    },
    resumedAt: 'Exécutée de nouveau à partir du',
    textHeading: { revised: 'Votre instruction modifiée', confirmed: 'Votre garantie' },
    after: {
      revised: 'Nous conservons votre instruction modifiée avec vos instructions documentées (article 3.1).',
      confirmed:
        "Nous conservons votre garantie avec vos instructions documentées (article 3.1). S'il s'avérait par la suite " +
        "que l'instruction est contraire à la loi, nous vous en informerions à nouveau.",
    },
  },
  en: {
    subject: {
      revised: (id) => `${common.en.marker} Your revised instruction ${id} is being carried out`,
      confirmed: (id) => `${common.en.marker} Instruction ${id} is carried out again on the strength of your guarantee`,
    },
    intro: {
      revised: (customer, at, id) =>
        `On ${at} we received the revised instruction of ${customer} (reference ${id}). This ends the suspension: ` +
        'from now on we process your personal data under the revised instruction.',
      confirmed: (customer, at, id) =>
        `On ${at} we received confirmation that ${customer} maintains instruction ${id} and guarantees its ` +
        'lawfulness. As controller, you keep full control over the processing (section 3.3 of our Data Processing ' +
        'Policy); we are therefore lifting the suspension and carrying out the instruction from now on.',
    },
    resumedAt: 'Carried out again from',
    textHeading: { revised: 'Your revised instruction', confirmed: 'Your guarantee' },
    after: {
      revised: 'We keep your revised instruction with your documented instructions (section 3.1).',
      confirmed:
        'We keep your guarantee with your documented instructions (section 3.1). Should the instruction later turn ' +
        'out to infringe the law after all, we will tell you again.',
    },
  },
};

export function renderInstructionResumed(facts: InstructionResumedFacts, language: Language): RenderedEmail {
  const copy = resumedCopy[language];
  const f = formatter(language, facts.timeZone);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: f.copy.greeting },
    { kind: 'paragraph', text: copy.intro[facts.resolution](facts.customerName, f.at(facts.resumedAt), facts.instructionId) },
    {
      kind: 'facts',
      rows: [
        { label: f.copy.reference, value: facts.instructionId },
        { label: f.copy.suspendedSince, value: f.at(facts.flaggedAt) },
        { label: copy.resumedAt, value: f.at(facts.resumedAt) },
      ],
    },
    { kind: 'heading', text: copy.textHeading[facts.resolution] },
    { kind: 'paragraph', text: facts.text.trim() },
    { kind: 'paragraph', text: copy.after[facts.resolution] },
    { kind: 'paragraph', text: f.copy.questions(facts.contactEmail, facts.instructionId) },
    { kind: 'paragraph', text: f.copy.signOff },
    { kind: 'note', text: f.copy.confidential },
  ];
  return renderEmail({ language, subject: copy.subject[facts.resolution](facts.instructionId), blocks });
}

// ---------------------------------------------------------------------------------------------
// 5. Internal alerts to the privacy team (English; identifiers only, no personal data)

const alertCopy: Record<InstructionAlertKind, { title: string; action: string }> = {
  'instruction-flagged': {
    title: 'Customer instruction suspended as unlawful',
    action:
      'The customer has been told that the instruction is suspended (policy 3.2). Decide whether processing ' +
      'continues under the earlier instructions or stops, and record it with the update recordProcessingDecision: ' +
      'the customer is told of the decision at once.',
  },
  'open-reminder': {
    title: 'Suspended instruction still open',
    action:
      'The customer has neither revised the instruction nor guaranteed its lawfulness. Record a processing decision ' +
      'if none is in force (recordProcessingDecision), follow up with the customer, and record a revision or ' +
      'guarantee received by another channel with recordRevision or recordGuarantee.',
  },
  'notice-undeliverable': {
    title: 'Suspended-instruction notice could not be delivered',
    action:
      'No contact of the customer accepted the email. Check the customer record and tell the customer by another ' +
      'channel that the instruction is suspended and why (policy 3.2).',
  },
  'no-customer-record': {
    title: 'No customer record for a suspended instruction',
    action:
      'The instruction names a customer for which there is no customer record (language, contacts), so it could not ' +
      'be told. Create the record (customer.upserted) or tell the customer by another channel (policy 3.2).',
  },
  'resumed-under-guarantee': {
    title: "Suspended instruction resumed on the customer's guarantee",
    action:
      'The customer maintains the instruction and guarantees its lawfulness (policy 3.2–3.3), so it is carried out ' +
      'again. Keep the guarantee with the documented instructions; if the instruction remains manifestly unlawful, ' +
      'take legal advice before it is carried out further.',
  },
};

const decisionLabel: Record<ProcessingDecision, string> = {
  'continue-under-earlier-instructions': 'continue under earlier instructions',
  'stop-processing': 'processing stopped',
};

export function renderInstructionAlert(facts: InstructionAlertFacts): RenderedEmail {
  const copy = alertCopy[facts.kind];
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: `${copy.title}.` },
    {
      kind: 'facts',
      rows: [
        { label: 'Alert', value: facts.kind },
        { label: 'Instruction', value: facts.instructionId },
        { label: 'Customer id', value: facts.customerId },
        ...(facts.flaggedAt === undefined
          ? []
          : [{ label: 'Suspended since', value: `${formatInstant(facts.flaggedAt, 'en', defaultTimeZone)} (${facts.flaggedAt})` }]),
        { label: 'Decision in force', value: facts.decision === undefined ? 'none recorded' : decisionLabel[facts.decision] },
        { label: 'Workflow id', value: `instruction-${facts.instructionId}` },
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
  return renderEmail({
    language: 'en',
    subject: `[Privacy team] ${copy.title} – instruction ${facts.instructionId}, customer ${facts.customerId}`,
    blocks,
  });
}
