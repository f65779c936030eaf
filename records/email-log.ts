import { sql, type Selectable } from 'kysely';
import type { Db } from './database';
import type { EmailLogTable } from './schema';

export interface EmailClaim {
  idempotencyKey: string;
  workflowId: string;
  step: string;
  recipient: string;
  subject: string;
  language: string;
  messageId: string;
}

/**
 * Why an attempt failed. `recipient-refused` is the recipient's answer (status `failed`); every other kind
 * is a fault of ours or of a mail server (status `deferred`), retried until it is fixed.
 */
export type EmailFailureKind = NonNullable<EmailLogTable['failure_kind']>;

export interface EmailRecord extends EmailClaim {
  /** `failed`: refused by the recipient, an answer; `deferred`: failed for a fault retrying can fix. */
  status: 'sending' | 'sent' | 'failed' | 'deferred';
  attempts: number;
  smtpResponse: string | null;
  acceptedAt: string | null;
  error: string | null;
  /** Why the last attempt failed; absent while nothing failed. */
  failureKind?: EmailFailureKind;
  /** Since when the email has been failing for faults retrying can fix; absent once sent. */
  deferredSince?: string;
  /**
   * On a claim's answer only: another attempt holds the email's lease until then and may be sending it
   * right now; this attempt must not send.
   */
  sendingElsewhereUntil?: string;
}

/** What /healthz says of the mail: stuck when emails have been failing for faults of ours for a while. */
export type MailHealth =
  | { status: 'ok' }
  | { status: 'stuck'; deferred: number; oldestSince: string; lastError: string | null; lastFailureKind: EmailFailureKind | null };

/** The evidence log of every email: recorded before the send and after SMTP answered. */
export interface EmailLogRepository {
  /**
   * Records the intent to send (or a new attempt) and returns the row as it now stands. With a lease,
   * the attempt holds the email until `leaseMs` from now (database time); a claim of an email another
   * attempt holds answers with `sendingElsewhereUntil` and changes nothing. Without one, as before, any
   * claim of an unsent email is a new attempt.
   */
  claim(claim: EmailClaim, options?: { leaseMs?: number }): Promise<EmailRecord>;
  /**
   * `claim` for many emails in one statement (a batch's slice), answered in their order. Their
   * idempotency keys must differ: a key claimed twice in one call would be sent twice.
   */
  claimMany(claims: readonly EmailClaim[], options?: { leaseMs?: number }): Promise<EmailRecord[]>;
  /**
   * Extends the lease of an email this attempt claimed (`attempts` as its claim answered) to `leaseMs`
   * from now; false when the email is no longer held by that claim.
   */
  renewLease(idempotencyKey: string, attempts: number, leaseMs: number): Promise<boolean>;
  markSent(idempotencyKey: string, smtpResponse: string, acceptedAt: Date): Promise<void>;
  /** The recipient refused it: an answer, not retried (`failed`). */
  markFailed(idempotencyKey: string, error: string): Promise<void>;
  /** An attempt failed for a fault retrying can fix (`deferred`); the lease is given up. */
  markDeferred(idempotencyKey: string, error: string, kind: Exclude<EmailFailureKind, 'recipient-refused'>): Promise<void>;
  /**
   * Hands back an email this attempt claimed and will not send (recorded `deferred`, as cancelled), so
   * that a retry need not wait for the lease; only while the claim is still this attempt's (`attempts`
   * as its claim answered): one another attempt took since is left alone. True when it was handed back.
   */
  releaseClaim(idempotencyKey: string, attempts: number, reason: string): Promise<boolean>;
  listForWorkflow(workflowId: string): Promise<EmailRecord[]>;
  list(filter?: { workflowIdPrefix?: string }): Promise<EmailRecord[]>;
  /**
   * Stuck: some email still being retried (an attempt within `activeWithinMs`) has been failing for more
   * than `stuckAfterMs`. An email nobody retries any more (its workflow ended) does not count.
   */
  mailHealth(options?: { stuckAfterMs?: number; activeWithinMs?: number }): Promise<MailHealth>;
}

/** A LIKE pattern matching `prefix` literally: `_` and `%` occur in ids; a backslash is LIKE's escape. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

export function emailLogRepository(db: Db): EmailLogRepository {
  // The answers of emails sent side by side (a batch's slice) that arrive while one is being recorded
  // go into the next statement together; each caller still returns only once its own row is committed.
  const sentMarks = groupCommit<{ idempotencyKey: string; smtpResponse: string; acceptedAt: Date }>(async (marks) => {
    const column = <K extends keyof (typeof marks)[number]>(key: K) => marks.map((mark) => mark[key]);
    await sql`
      update email_log as e
      set status = 'sent', smtp_response = m.smtp_response, accepted_at = m.accepted_at, error = null, updated_at = ${new Date()},
          claimed_until = null, failure_kind = null, deferred_since = null
      from unnest(${column('idempotencyKey')}::text[], ${column('smtpResponse')}::text[], ${column('acceptedAt')}::timestamptz[])
        as m(idempotency_key, smtp_response, accepted_at)
      where e.idempotency_key = m.idempotency_key
    `.execute(db);
  });
  const toRecord = (row: Selectable<EmailLogTable>): EmailRecord => ({
    idempotencyKey: row.idempotency_key,
    workflowId: row.workflow_id,
    step: row.step,
    recipient: row.recipient,
    subject: row.subject,
    language: row.language,
    messageId: row.message_id,
    status: row.status,
    attempts: row.attempts,
    smtpResponse: row.smtp_response,
    acceptedAt: row.accepted_at ? new Date(row.accepted_at).toISOString() : null,
    error: row.error,
    ...(row.failure_kind && { failureKind: row.failure_kind }),
    ...(row.deferred_since && { deferredSince: new Date(row.deferred_since).toISOString() }),
  });

  return {
    async claim(claim, options = {}) {
      const [record] = await claimAll(db, toRecord, [claim], options);
      return record!;
    },

    claimMany(claims, options = {}) {
      return claimAll(db, toRecord, claims, options);
    },

    async renewLease(idempotencyKey, attempts, leaseMs) {
      const result = await db
        .updateTable('email_log')
        .set({ claimed_until: leaseUntil(leaseMs), updated_at: new Date() })
        .where('idempotency_key', '=', idempotencyKey)
        .where('status', '=', 'sending')
        .where('attempts', '=', attempts)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    markSent(idempotencyKey, smtpResponse, acceptedAt) {
      return sentMarks.add({ idempotencyKey, smtpResponse, acceptedAt });
    },

    async markFailed(idempotencyKey, error) {
      await db
        .updateTable('email_log')
        .set({
          status: 'failed',
          error,
          updated_at: new Date(),
          claimed_until: null,
          failure_kind: 'recipient-refused',
          deferred_since: null,
        })
        .where('idempotency_key', '=', idempotencyKey)
        .where('status', '<>', 'sent')
        .execute();
    },

    async releaseClaim(idempotencyKey, attempts, reason) {
      const result = await db
        .updateTable('email_log')
        .set({ status: 'deferred', error: reason, failure_kind: 'cancelled', updated_at: new Date(), claimed_until: null })
        .where('idempotency_key', '=', idempotencyKey)
        .where('status', '=', 'sending')
        .where('attempts', '=', attempts)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async markDeferred(idempotencyKey, error, kind) {
      const now = new Date();
      await db
        .updateTable('email_log')
        .set({
          status: 'deferred',
          error,
          failure_kind: kind,
          updated_at: now,
          claimed_until: null,
          // A cancelled attempt is no failure of the mail: it does not start the stuck clock.
          deferred_since:
            kind === 'cancelled' ? sql<Date | null>`email_log.deferred_since` : sql<Date>`coalesce(email_log.deferred_since, ${now})`,
        })
        .where('idempotency_key', '=', idempotencyKey)
        .where('status', '<>', 'sent')
        .execute();
    },

    async listForWorkflow(workflowId) {
      const rows = await db.selectFrom('email_log').selectAll().where('workflow_id', '=', workflowId).orderBy('created_at').execute();
      return rows.map(toRecord);
    },

    async list(filter = {}) {
      let query = db.selectFrom('email_log').selectAll();
      // ESCAPE spelled out: PostgreSQL's default is the same backslash, but the pattern should not rely on it.
      if (filter.workflowIdPrefix) query = query.where(sql<boolean>`workflow_id like ${likePrefix(filter.workflowIdPrefix)} escape '\\'`);
      const rows = await query.orderBy('created_at').orderBy('idempotency_key').execute();
      return rows.map(toRecord);
    },

    async mailHealth(options = {}) {
      const stuckAfterMs = options.stuckAfterMs ?? 60_000;
      // Temporal retries an email at least every 2 minutes (emailOptions): an hour without an attempt
      // means nobody retries it any more.
      const activeWithinMs = options.activeWithinMs ?? 3_600_000;
      const now = Date.now();
      const deferred = db
        .selectFrom('email_log')
        .where('deferred_since', 'is not', null)
        .where('status', 'in', ['deferred', 'sending'])
        .where('updated_at', '>', new Date(now - activeWithinMs));
      const summary = await deferred
        .select((eb) => [eb.fn.countAll<string | number>().as('count'), eb.fn.min('deferred_since').as('oldest')])
        .executeTakeFirstOrThrow();
      const oldest = summary.oldest ? new Date(summary.oldest) : undefined;
      if (!oldest || now - oldest.getTime() < stuckAfterMs) return { status: 'ok' };
      const last = await deferred
        .select(['error', 'failure_kind'])
        .where('error', 'is not', null)
        .orderBy('updated_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return {
        status: 'stuck',
        deferred: Number(summary.count),
        oldestSince: oldest.toISOString(),
        lastError: last?.error ?? null,
        lastFailureKind: last?.failure_kind ?? null,
      };
    },
  };
}

/** The end of a lease taken now, in the database's time. */
function leaseUntil(leaseMs: number) {
  return sql<Date>`now() + ${Math.max(0, Math.round(leaseMs))}::integer * interval '1 millisecond'`;
}

/**
 * The claims of `claim` and `claimMany`: one insert of every row, each taking the email's lease unless it
 * is sent or held by another attempt; the rows it did not take are read in one more statement.
 */
async function claimAll(
  db: Db,
  toRecord: (row: Selectable<EmailLogTable>) => EmailRecord,
  claims: readonly EmailClaim[],
  options: { leaseMs?: number },
): Promise<EmailRecord[]> {
  if (claims.length === 0) return [];
  const keys = claims.map((claim) => claim.idempotencyKey);
  if (new Set(keys).size !== keys.length) throw new Error('claimMany: the same email (idempotency key) twice in one call');
  const now = new Date();
  // No lease: the email can be claimed again at once (what callers without one always had).
  const claimedUntil = options.leaseMs ? leaseUntil(options.leaseMs) : null;
  const taken = await db
    .insertInto('email_log')
    .values(
      claims.map((claim) => ({
        idempotency_key: claim.idempotencyKey,
        workflow_id: claim.workflowId,
        step: claim.step,
        recipient: claim.recipient,
        subject: claim.subject,
        language: claim.language,
        message_id: claim.messageId,
        status: 'sending' as const,
        attempts: 1,
        created_at: now,
        updated_at: now,
        claimed_until: claimedUntil,
      })),
    )
    .onConflict((oc) =>
      oc
        .column('idempotency_key')
        .doUpdateSet((eb) => ({
          status: 'sending',
          // A deferred email keeps its last error while it is tried again: the operator's clue.
          error: sql<string | null>`case when email_log.status = 'deferred' then email_log.error else null end`,
          attempts: eb(eb.ref('email_log.attempts'), '+', 1),
          updated_at: now,
          claimed_until: claimedUntil,
        }))
        // A row already sent stays as it is; so does one another attempt holds (it may be sending now).
        .where('email_log.status', '<>', 'sent')
        .where((eb) =>
          eb.or([
            eb('email_log.status', '<>', 'sending'),
            eb('email_log.claimed_until', 'is', null),
            eb('email_log.claimed_until', '<=', sql<Date>`now()`),
          ]),
        ),
    )
    .returningAll()
    .execute();
  const records = new Map(taken.map((row) => [row.idempotency_key, toRecord(row)]));
  const notTaken = keys.filter((key) => !records.has(key));
  if (notTaken.length > 0) {
    const rows = await db
      .selectFrom('email_log')
      .selectAll()
      .select(sql<Date | null>`greatest(claimed_until, now())`.as('held_until'))
      .where('idempotency_key', '=', sql<string>`any(${notTaken}::text[])`)
      .execute();
    for (const { held_until: heldUntil, ...stored } of rows) {
      // Not ours unless sent: held by another attempt (or taken by one between the two statements).
      records.set(
        stored.idempotency_key,
        stored.status === 'sent'
          ? toRecord(stored)
          : { ...toRecord(stored), sendingElsewhereUntil: new Date(heldUntil ?? Date.now()).toISOString() },
      );
    }
  }
  return keys.map((key) => records.get(key)!);
}

/**
 * Group commit: items added while a write is in progress (or in the same turn of the event loop) are
 * written together by the next one. `add` resolves once the write holding its item has committed, and
 * rejects with that write's error: no caller goes on before its own item is in the records.
 */
export function groupCommit<T>(write: (items: T[]) => Promise<void>): { add(item: T): Promise<void> } {
  let pending: Array<{ item: T; resolve: () => void; reject: (error: unknown) => void }> = [];
  let writing = false;
  const flush = async (): Promise<void> => {
    writing = true;
    while (pending.length > 0) {
      const group = pending;
      pending = [];
      try {
        await write(group.map((entry) => entry.item));
        for (const entry of group) entry.resolve();
      } catch (error) {
        for (const entry of group) entry.reject(error);
      }
    }
    writing = false;
  };
  return {
    add(item) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (!writing) {
          writing = true;
          setImmediate(() => void flush());
        }
      });
    },
  };
}
