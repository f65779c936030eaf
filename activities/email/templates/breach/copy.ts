import type { BreachAssessment } from '../../../../domain/breach';
/**
 * What every language of the breach process ("Datalek", policy 8.1–8.2; GDPR Art. 33(2)–(5)) must say.
 * A language file that lacks a passage does not compile.
 */
export type BreachCopy = {
  /** Put before the subject of every email to the customer, so that it stands out in an inbox and can be filtered on. */
  marker: string;
  confidential: string;
  incident: string;
  notYetKnown: string;
  approximately(count: string): string;
  notice: NoticeCopy;
  reminder: ReminderCopy;
  update: UpdateCopy;
  finalReport: FinalReportCopy;
};

/** 1. The notice (policy 8.1–8.2; GDPR Art. 33(2), with the content of Art. 33(3)). */
export type NoticeCopy = {
  subject(incidentId: string): string;
  intro(customerName: string): string;
  /** 8.1 "redelijkerwijs vermoedt": a breach reasonably suspected, not yet established, in place of the above. */
  suspected: {
    subject(incidentId: string): string;
    intro(customerName: string): string;
    /** That it is not established yet, and that we will say when it is confirmed or ruled out. */
    status: string;
  };
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

/** 2. Reminder: the customer has not acknowledged the notice yet. */
export type ReminderCopy = {
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
  /** 8.1: the breach was notified as suspected, and is neither confirmed nor ruled out yet. */
  suspected: string;
};

/** 3. Follow-up: information provided in phases (GDPR Art. 33(4)). */
/** Where an update says the breach stands. */
export type Containment = 'contained' | 'notContained' | 'unknown';

export type UpdateCopy = {
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
  /** What comes next, by where the breach stands: contained, not yet, or not said in this update. */
  next: Record<Containment, string>;
  /** 8.1: an update that confirms, or rules out, a breach notified as suspected; says which. */
  assessed: Record<BreachAssessment, { subject(incidentId: string): string; text: string }>;
  /** In place of `next` once the suspected breach is ruled out: the incident ends, no final report follows. */
  ruledOutNext: string;
  /** Art. 33(3)(a), (c) and 33(4): what is known with this update (the notice's labels, and these). */
  known: string;
  consequences: string;
  /** A fact not known yet, said plainly, with the promise to tell it when known. */
  notKnownYet: string;
  use(email: string, incidentId: string): string;
};

/** 4. Final report: the incident is closed (the controller documents it under GDPR Art. 33(5)). */
export type FinalReportCopy = {
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
