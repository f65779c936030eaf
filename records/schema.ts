import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Column types as Kysely sees them; timestamps are timestamptz, read back as Date. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

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
  final_report_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  final_report_problem: ColumnType<string | null, string | null | undefined, string | null>;
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

export interface Schema {
  customers: CustomersTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_claims: WebhookClaimsTable;
  breach_incidents: BreachIncidentsTable;
  breach_notifications: BreachNotificationsTable;
  breach_updates: BreachUpdatesTable;
  email_log: EmailLogTable;
}
