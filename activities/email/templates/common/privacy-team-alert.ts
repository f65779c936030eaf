/**
 * The one internal alert to the processor's privacy team, for every process: English only (the team is
 * internal), identifiers only (no personal data), and the same shape whatever went wrong, so that the
 * team reads every alert the same way. Each process feeds it its own alert copy and its case's ids.
 */
import { defaultTimeZone } from '../../../../domain/language';
import { formatInstant } from '../../format';
import { renderEmail, type EmailBlock, type RenderedEmail } from '../rendered-email';

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

export type AlertFactRow = { label: string; value: string };

export type PrivacyTeamAlertContent<Kind extends string> = {
  copy: PrivacyTeamAlertCopy<Kind>;
  kind: Kind;
  /** The case's identifiers, shown after the kind and before the workflow id. */
  rows: readonly AlertFactRow[];
  /** The workflow id of PRODUCT.md, so that the case can be found in the Temporal Web UI. */
  workflowId: string;
  /** The case as the subject names it: "incident INC-7, customer cust-9". */
  about: string;
  detail: string;
  /** Where the case stands, when it depends on the facts rather than on the kind alone. */
  afterwards?: string;
};

/** Shown in the policy's home zone, with the stored UTC instant for exactness. */
export function alertInstant(instantIso: string): string {
  return `${formatInstant(instantIso, 'en', defaultTimeZone)} (${instantIso})`;
}

export function renderPrivacyTeamAlertEmail<Kind extends string>(alert: PrivacyTeamAlertContent<Kind>): RenderedEmail {
  const kind = alert.copy.kinds[alert.kind];
  const afterwards = kind.afterwards ?? alert.afterwards;
  const { query, shows } = alert.copy.webUi;
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: `${kind.title}.` },
    {
      kind: 'facts',
      rows: [{ label: 'Alert', value: alert.kind }, ...alert.rows, { label: 'Workflow id', value: alert.workflowId }],
    },
    { kind: 'heading', text: 'Detail' },
    { kind: 'paragraph', text: alert.detail.trim() },
    { kind: 'heading', text: 'What to do' },
    { kind: 'paragraph', text: kind.action },
    ...(afterwards === undefined ? [] : [{ kind: 'paragraph', text: afterwards } as const]),
    {
      kind: 'note',
      text:
        'Sent automatically by the DPA orchestrator. It carries identifiers only; open the workflow in the ' +
        `Temporal Web UI${query === undefined ? '' : ` (query ${query})`} for ${shows}.`,
    },
  ];
  return renderEmail({ language: 'en', subject: `[Privacy team] ${kind.title} – ${alert.about}`, blocks });
}
