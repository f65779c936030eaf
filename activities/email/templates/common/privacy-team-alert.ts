/**
 * The one internal alert to the processor's privacy team, for every process: English only (the team is
 * internal), identifiers only (no personal data), and the same shape whatever went wrong, so that the
 * team reads every alert the same way. Each process feeds it its own alert copy and its case's ids.
 */
import { defaultTimeZone } from '../../../../domain/language';
import { formatInstant } from '../../format';
import { renderEmail, type EmailBlock, type RenderedEmail } from '../rendered-email';
import { factsTable, note, optionalRow, paragraph, section, type FactRow } from './blocks';

/** What the team is told for one kind of alert. */
export type AlertKindCopy = {
  title: string;
  action: string;
  /** Where the case stands once the team has acted, when that is the same for every alert of the kind. */
  afterwards?: string;
};

/** One process's alerts: a title and an action per kind, and what the Web UI shows of its workflow. */
export type PrivacyTeamAlertCopy<Kind extends string> = {
  kinds: Readonly<Record<Kind, AlertKindCopy>>;
  webUi: {
    /** The query that shows the case's state, if the process has one. */
    query?: string;
    /** "the case and its history". */
    shows: string;
  };
};

/** What every process's alert facts carry: the kind of alert, and what went wrong in the workflow's words. */
export type AlertFacts<Kind extends string> = { kind: Kind; detail: string };

/**
 * The case an alert is about, named the same way in every alert: its identifier in the first row and, with
 * the customer concerned, in the subject ("incident INC-7, customer cust-9").
 */
export type AlertCase = {
  /** The identifier's label in the first row: "Incident". */
  label: string;
  /** The case as the subject names it: "incident". */
  noun: string;
  id: string;
  /** The customer the alert is about, if it is about one: the second row. */
  customerId?: string;
  /** The process's own facts, after the case's and the customer's rows. */
  rows?: readonly FactRow[];
  /** The workflow id of PRODUCT.md, so that the case can be found in the Temporal Web UI. */
  workflowId: string;
  /** Where the case stands, when it depends on the facts rather than on the kind alone. */
  afterwards?: string;
};

/** Shown in the policy's home zone, with the stored UTC instant for exactness. */
export function alertInstant(instantIso: string): string {
  return `${formatInstant(instantIso, 'en', defaultTimeZone)} (${instantIso})`;
}

/** An alert of the kind `facts.kind` about one case, in its process's words. */
export function renderPrivacyTeamAlertEmail<Kind extends string>(
  copy: PrivacyTeamAlertCopy<Kind>,
  facts: AlertFacts<Kind>,
  about: AlertCase,
): RenderedEmail {
  const kind = copy.kinds[facts.kind];
  const afterwards = kind.afterwards ?? about.afterwards;
  const { query, shows } = copy.webUi;
  const blocks: EmailBlock[] = [
    paragraph(`${kind.title}.`),
    factsTable([
      { label: 'Alert', value: facts.kind },
      { label: about.label, value: about.id },
      ...optionalRow('Customer id', about.customerId),
      ...(about.rows ?? []),
      { label: 'Workflow id', value: about.workflowId },
    ]),
    ...section('Detail', facts.detail.trim()),
    ...section('What to do', kind.action),
    ...(afterwards === undefined ? [] : [paragraph(afterwards)]),
    note(
      'Sent automatically by the DPA orchestrator. It carries identifiers only; open the workflow in the ' +
        `Temporal Web UI${query === undefined ? '' : ` (query ${query})`} for ${shows}.`,
    ),
  ];
  const customer = about.customerId === undefined ? '' : `, customer ${about.customerId}`;
  return renderEmail({ language: 'en', subject: `[Privacy team] ${kind.title} – ${about.noun} ${about.id}${customer}`, blocks });
}
