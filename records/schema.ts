import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { BreachFactsUpdate } from '../domain/breach';
import type { CertifiedStore } from '../domain/termination';
import type { TransferBasis, TransferSafeguard } from '../domain/transfers';

/** timestamptz, read back as Date; written as a Date or an ISO 8601 string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A timestamp the database fills in (`default now()`) when an insert leaves it out. */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A column with a default: an insert may leave it out. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type SubprocessorChangeAction = 'added' | 'replaced' | 'removed';

/**
 * Every table, as Kysely sees it: the one interface `Kysely<Schema>` reads (records/database.ts). The
 * migrations (records/migrations/) make the tables; a column a migration adds is added here.
 */
export interface Schema {
  customers: CustomersTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_claims: WebhookClaimsTable;
  breach_incidents: BreachIncidentsTable;
  breach_notifications: BreachNotificationsTable;
  breach_updates: BreachUpdatesTable;
  email_log: EmailLogTable;
  authority_requests: AuthorityRequestsTable;
  authority_customers: AuthorityCustomersTable;
  authority_views: AuthorityViewsTable;
  dsr_requests: DsrRequestsTable;
  dsr_deadlines: DsrDeadlinesTable;
  dsr_action_requests: DsrActionRequestsTable;
  instructions: InstructionsTable;
  instruction_decisions: InstructionDecisionsTable;
  instruction_revisions: InstructionRevisionsTable;
  cannot_comply_notices: CannotComplyNoticesTable;
  subprocessors: SubprocessorsTable;
  subprocessor_changes: SubprocessorChangesTable;
  subprocessor_change_recipients: SubprocessorChangeRecipientsTable;
  subprocessor_objections: SubprocessorObjectionsTable;
  audit_requests: AuditRequestsTable;
  terminations: TerminationsTable;
  termination_extensions: TerminationExtensionsTable;
  termination_deletions: TerminationDeletionsTable;
  termination_certificates: TerminationCertificatesTable;
}

export interface CustomersTable {
  customer_id: string;
  name: string;
  language: string;
  contacts: JSONColumnType<{ email: string; name?: string }[]>;
  time_zone: string;
  breach_notice_hours: number | null;
  export_window_days: number | null;
  /** The event's own timestamp: an older upsert that arrives late never overwrites a newer one. */
  source_timestamp: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  webhook_id: string;
  event_type: string;
  body_sha256: string;
  status_code: number;
  response: JSONColumnType<Record<string, unknown>>;
  received_at: Timestamp;
}

/** A delivery being handled: see records/migrations/008-webhook-claims.ts. */
export interface WebhookClaimsTable {
  webhook_id: string;
  body_sha256: string;
  token: string;
  claimed_at: Timestamp;
}

export interface BreachIncidentsTable {
  incident_id: string;
  aware_at: Timestamp;
  detected_at: Timestamp;
  summary: string;
  data_categories: JSONColumnType<string[]>;
  subjects_approx: number | null;
  measures: JSONColumnType<string[]>;
  contained: boolean;
  status: 'open' | 'closed';
  final_report: string | null;
  closed_at: NullableTimestamp;
  updated_at: Timestamp;
  /** 8.1: reported as suspected, since when; then confirmed or ruled out, when (011). */
  suspected_since: NullableTimestamp;
  confirmed_at: NullableTimestamp;
  ruled_out_at: NullableTimestamp;
  /** Art. 33(3)(a), (c): facts that may arrive in phases (011). */
  subject_categories: ColumnType<string[] | null, string | null | undefined, string | null>;
  records_approx: Defaulted<number | null>;
  likely_consequences: Defaulted<string | null>;
  /** When the current value of each fact became known (011). */
  data_categories_known_at: NullableTimestamp;
  subject_categories_known_at: NullableTimestamp;
  subjects_approx_known_at: NullableTimestamp;
  records_approx_known_at: NullableTimestamp;
  likely_consequences_known_at: NullableTimestamp;
}

export interface BreachNotificationsTable {
  incident_id: string;
  customer_id: string;
  status: 'pending' | 'notified' | 'undeliverable';
  notified_at: NullableTimestamp;
  acknowledged_at: NullableTimestamp;
  /** Art. 33(1) guidance shown to the controller: 72 hours from our notice. */
  controller_deadline_at: NullableTimestamp;
  /** 8.1: the contract's own notice deadline, when it sets one. */
  contractual_deadline_at: NullableTimestamp;
  problem: string | null;
  /** 8.2: when the mail server accepted this customer's final report. */
  final_report_at: NullableTimestamp;
  final_report_problem: Defaulted<string | null>;
  updated_at: Timestamp;
}

export interface BreachUpdatesTable {
  id: Generated<number>;
  incident_id: string;
  kind: 'update' | 'measure' | 'closed';
  text: string;
  measures: JSONColumnType<string[]>;
  contained: boolean | null;
  recorded_at: Timestamp;
  /** Workflow id + step: a retried activity records a fact once. */
  idempotency_key: string;
  /** 8.1: the update confirmed or ruled out a suspected breach (011). */
  assessment: Defaulted<'confirmed' | 'ruled-out' | null>;
  /** Art. 33(4): the facts this update brought, as sent (011). */
  facts: ColumnType<BreachFactsUpdate | null, string | null | undefined, string | null>;
}

export interface EmailLogTable {
  idempotency_key: string;
  workflow_id: string;
  step: string;
  recipient: string;
  subject: string;
  language: string;
  message_id: string;
  /** `failed`: the recipient refused it (an answer); `deferred`: a fault of ours or of the mail server, retried. */
  status: 'sending' | 'sent' | 'failed' | 'deferred';
  attempts: number;
  smtp_response: string | null;
  accepted_at: NullableTimestamp;
  error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The lease of the attempt sending it: no other attempt sends before this instant (009). */
  claimed_until: NullableTimestamp;
  /** Why the last attempt failed (009). */
  failure_kind:
    | 'recipient-refused'
    | 'recipient-deferred'
    | 'authentication'
    | 'connection'
    | 'sender-refused'
    | 'message-refused'
    | 'cancelled'
    | 'other'
    | null;
  /** The first failure that retrying can fix, kept until the email is sent (009). */
  deferred_since: NullableTimestamp;
}

export interface AuthorityRequestsTable {
  request_id: string;
  authority: string;
  request_kind: string;
  received_at: Timestamp;
  reported_at: Timestamp;
  customer_ids: JSONColumnType<string[]>;
  disclosure_prohibited: boolean;
  /** Art. 28(3)(a): the law that forbids telling the customers, as the privacy team recorded it. */
  prohibition_basis: string | null;
  prohibition_basis_recorded_at: NullableTimestamp;
  /** By when the privacy team must record a basis the request was reported without (012). */
  prohibition_basis_due_at: NullableTimestamp;
  prohibition_lifted_at: NullableTimestamp;
  prohibition_lift_reason: string | null;
  /** 8.1: by when every customer was to be told. */
  notice_due_at: NullableTimestamp;
  /** 7.1: until when the customers' views on an intended disclosure were awaited. */
  views_due_at: NullableTimestamp;
  status: 'open' | 'answered' | 'disclosed';
  outcome_at: NullableTimestamp;
  answer_summary: string | null;
  /** 7.1: whether the answer disclosed personal data; null for a disclosure, or an answer before 012. */
  answer_discloses_personal_data: boolean | null;
  /** Of a disclosure, or of an answer that disclosed personal data. */
  disclosure_scope: string | null;
  disclosure_manner: string | null;
  outcome_note: string | null;
  created_at: DefaultedTimestamp;
  updated_at: Timestamp;
}

export interface AuthorityCustomersTable {
  request_id: string;
  customer_id: string;
  notice_status: 'withheld' | 'pending' | 'notified' | 'undeliverable';
  notified_at: NullableTimestamp;
  notified_via: string | null;
  notice_problem: string | null;
  updated_at: Timestamp;
}

export interface AuthorityViewsTable {
  id: Generated<number>;
  request_id: string;
  customer_id: string;
  view: string;
  objects_to_disclosure: boolean;
  received_at: Timestamp;
  /** Workflow id + delivery: a retried activity records a view once. */
  idempotency_key: string;
}

export interface DsrRequestsTable {
  request_id: string;
  customer_id: string;
  request_type: string;
  received_at: Timestamp;
  reported_at: Timestamp;
  /** Personal data: read only to confirm receipt to the subject (10.2), never handed to Temporal. */
  subject_email: string | null;
  status: Defaulted<'open' | 'closed'>;
  time_zone: string | null;
  original_deadline_at: NullableTimestamp;
  deadline_at: NullableTimestamp;
  extension_months: Defaulted<number>;
  customer_notified_at: NullableTimestamp;
  customer_notice_problem: string | null;
  subject_confirmed_at: NullableTimestamp;
  instruction: string | null;
  instruction_note: string | null;
  instruction_source: string | null;
  instructed_at: NullableTimestamp;
  outcome: string | null;
  closed_at: NullableTimestamp;
  created_at: Defaulted<Date>;
  updated_at: Defaulted<Date>;
  /** When the subject's address and the notes were removed: by the retention job (021) or once the customer's contract ended (020). */
  anonymised_at: NullableTimestamp;
}

export interface DsrDeadlinesTable {
  request_id: string;
  /** 0 is the original month; 1, 2 the extensions in order. */
  sequence: number;
  deadline_at: Timestamp;
  extra_months: number;
  total_extension_months: number;
  reason: string | null;
  source: string | null;
  requested_at: NullableTimestamp;
  recorded_at: Timestamp;
}

export interface DsrActionRequestsTable {
  webhook_id: string;
  request_id: string;
  action: string;
  requested_at: Timestamp;
  attempts: Defaulted<number>;
  last_attempt_at: NullableTimestamp;
  last_answer: string | null;
  first_accepted_at: NullableTimestamp;
  completed_at: NullableTimestamp;
  completion_note: string | null;
  completion_source: string | null;
  updated_at: Timestamp;
}

export interface InstructionsTable {
  instruction_id: string;
  customer_id: string;
  instruction: string;
  /** 3.2: why, in the processor's opinion, the instruction infringes the law. */
  reason: string;
  flagged_at: Timestamp;
  /** 3.2: `flagged` while the customer's response period runs; `carried-out` when answered before any suspension (013). */
  status: 'flagged' | 'suspended' | 'carried-out' | 'resumed';
  notice_status: 'pending' | 'notified' | 'undeliverable';
  /** The end of the customer's response period (013). */
  response_due_at: NullableTimestamp;
  /** 3.2 (i): when and why the instruction was suspended, and the operator's or the customer's reason (013). */
  suspended_at: NullableTimestamp;
  suspension_cause: 'no-answer' | 'refused' | 'operator' | null;
  suspension_reason: string | null;
  notified_at: NullableTimestamp;
  notice_problem: string | null;
  resolution: 'revised' | 'confirmed' | null;
  /** The revised instruction, or the customer's guarantee of lawfulness. */
  resolution_text: string | null;
  resolution_note: string | null;
  resolved_via: 'webhook' | 'operator' | null;
  resumed_at: NullableTimestamp;
  created_at: DefaultedTimestamp;
  updated_at: Timestamp;
}

/** 3.2: every revision of a flagged or suspended instruction, and its judgement (013). */
export interface InstructionRevisionsTable {
  id: Generated<number>;
  instruction_id: string;
  /** 1, 2, ...: a retried activity records each revision once. */
  sequence: number;
  revision: string;
  via: 'webhook' | 'operator';
  note: string | null;
  received_at: Timestamp;
  /** Null until an operator judged it; a revision replaced before its judgement stays null. */
  accepted: boolean | null;
  judgement_reason: string | null;
  judged_at: NullableTimestamp;
  created_at: DefaultedTimestamp;
}

/** 3.4: a customer's notice that it cannot meet its obligations (013). */
export interface CannotComplyNoticesTable {
  notice_id: string;
  customer_id: string;
  obligation: string;
  description: string | null;
  /** The event's timestamp: when the product reported the notice. */
  received_at: Timestamp;
  team_alerted_at: NullableTimestamp;
  created_at: DefaultedTimestamp;
}

export interface InstructionDecisionsTable {
  id: Generated<number>;
  instruction_id: string;
  /** 1, 2, ...: a retried activity records each decision once. */
  sequence: number;
  decision: 'continue-under-earlier-instructions' | 'stop-processing';
  note: string | null;
  decided_at: Timestamp;
}

export interface SubprocessorsTable {
  id: string;
  name: string;
  country: string;
  purpose: string;
  safeguard: TransferSafeguard | null;
  /** 6.3: what made the transfer lawful when the subprocessor was recorded. */
  transfer_basis: TransferBasis;
  /** 'removed' once a removal or replacement is recorded, even one that takes effect later: see removed_at. */
  status: 'active' | 'removed';
  added_at: Timestamp;
  removed_at: NullableTimestamp;
  updated_at: Defaulted<Date>;
}

export interface SubprocessorChangesTable {
  change_id: string;
  action: SubprocessorChangeAction;
  /** The subprocessor added, the one that replaces another, or the one removed. */
  subprocessor_id: string;
  replaces: string | null;
  /** 5.2: the date the list was updated and the customers told; their 30 days run from it. */
  announced_at: Timestamp;
  /** 5.2: the date the change took or takes effect. */
  effective_at: Timestamp;
  recorded_at: Defaulted<Date>;
  /** Why a change marked urgent takes effect before its windows close (015); null otherwise. */
  urgent_reason: string | null;
}

/** 5.2: whom a change concerns, in the order they are told (migration 006). */
export interface SubprocessorChangeRecipientsTable {
  change_id: string;
  position: number;
  customer_id: string;
  /** Each customer's objection window (migration 014); null on changes announced before it. */
  window_state: ColumnType<
    ObjectionWindowStateColumn | null,
    ObjectionWindowStateColumn | null | undefined,
    ObjectionWindowStateColumn | null
  >;
  notice_accepted_at: NullableTimestamp;
  closes_at: NullableTimestamp;
  reminder_at: NullableTimestamp;
  reminded_at: NullableTimestamp;
  objection_received_at: NullableTimestamp;
  objection_webhook_id: ColumnType<string | null, string | null | undefined, string | null>;
  problem: ColumnType<string | null, string | null | undefined, string | null>;
  /** How the objection ended (migration 016). */
  objection_outcome: ColumnType<string | null, string | null | undefined, string | null>;
  objection_ended_at: NullableTimestamp;
  services_terminated: ColumnType<string[] | null, string | null | undefined, string | null>;
  services_terminated_at: NullableTimestamp;
}

export type ObjectionWindowStateColumn = 'notifying' | 'open' | 'objected' | 'accepted' | 'undeliverable';

/** Every objection delivered by the product and the answer it got (migration 007). */
export interface SubprocessorObjectionsTable {
  webhook_id: string;
  change_id: string;
  customer_id: string;
  reasons: string;
  received_at: Timestamp;
  answer: number;
  refusal: string | null;
  delivered_at: Timestamp;
}

export interface AuditRequestsTable {
  audit_id: string;
  customer_id: string;
  proposed_date: string;
  received_at: Timestamp;
  time_zone: string;
  earliest_date: string;
  /** Personal data: read only to invite the auditor, never handed to Temporal. */
  auditor_name: string;
  auditor_email: string | null;
  auditor_organisation: string | null;
  scope: string | null;
  status: Defaulted<'open' | 'closed' | 'cancelled'>;
  audit_date: string | null;
  date_version: Defaulted<number>;
  confidentiality_confirmed_at: NullableTimestamp;
  confidentiality_reference: string | null;
  findings_summary: string | null;
  serious_incident_found: boolean | null;
  policy_breach_found: boolean | null;
  processor_cost_share: number | null;
  findings_recorded_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  cancel_reason: string | null;
  created_at: Defaulted<Date>;
  updated_at: Defaulted<Date>;
  /** When the retention job removed the auditor's name, address and organisation (021). */
  auditor_anonymised_at: NullableTimestamp;
}

/** The end of a contract (11.1-11.3): see records/migrations/018-terminations.ts. */
export interface TerminationsTable {
  customer_id: string;
  terminated_at: Timestamp;
  reported_at: Timestamp;
  requested_window_days: number | null;
  export_window_days: number | null;
  window_source: 'event' | 'contract' | 'setting' | null;
  time_zone: string | null;
  notice_accepted_at: NullableTimestamp;
  export_closes_at: NullableTimestamp;
  export_completed_at: NullableTimestamp;
  delete_now: Defaulted<boolean>;
  deletion_started_at: NullableTimestamp;
  deleted_at: NullableTimestamp;
  recorded_at: DefaultedTimestamp;
}

export interface TerminationExtensionsTable {
  customer_id: string;
  sequence: number;
  extra_days: number;
  reason: string | null;
  source: string;
  requested_at: Timestamp;
  closes_at: Timestamp;
}

export interface TerminationDeletionsTable {
  customer_id: string;
  store: string;
  webhook_id: string;
  requested_at: Timestamp;
  attempts: Defaulted<number>;
  last_answer: string | null;
  method: 'delete' | 'anonymise' | null;
  completed_at: NullableTimestamp;
  reference: string | null;
  last_copy_expires_at: NullableTimestamp;
  confirmed_by: string | null;
}

/** The certificate of deletion sent to a customer whose contract ended (migration 019). */
export interface TerminationCertificatesTable {
  customer_id: string;
  language: 'nl' | 'fr' | 'en';
  filename: string;
  pdf: ColumnType<Buffer, Buffer, never>;
  sha256: string;
  stores: JSONColumnType<CertifiedStore[]>;
  deleted_at: Timestamp;
  issued_at: DefaultedTimestamp;
  emailed_at: NullableTimestamp;
  email_outcome: ColumnType<string | null, string | null | undefined, string | null>;
}
