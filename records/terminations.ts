import type { Db } from './database';

export interface TerminationReceipt {
  customerId: string;
  terminatedAt: string;
  reportedAt: string;
  exportWindowDays?: number;
}

export type TerminationReceiptOutcome =
  { outcome: 'recorded' } | { outcome: 'already-recorded' } | { outcome: 'conflict'; differs: string[] };

export interface TerminationRecord {
  customerId: string;
  terminatedAt: string;
  exportWindowDays?: number;
  noticeAcceptedAt?: string;
  exportClosesAt?: string;
  exportCompletedAt?: string;
  deleteNow: boolean;
  deletionStartedAt?: string;
  deletedAt?: string;
  extensions: Array<{ sequence: number; extraDays: number; reason?: string; source: string; requestedAt: string; closesAt: string }>;
  deletions: Array<{
    store: string;
    webhookId: string;
    requestedAt: string;
    attempts: number;
    lastAnswer?: string;
    method?: string;
    completedAt?: string;
    reference?: string;
    lastCopyExpiresAt?: string;
  }>;
}

/** The end of each customer's contract (policy 11.1-11.3, 13). Every write is idempotent. */
export interface TerminationRepository {
  /** The endpoint's receipt of `contract.terminated`: the same facts again are already recorded; other facts conflict. */
  recordReceipt(receipt: TerminationReceipt): Promise<TerminationReceiptOutcome>;
  /** Whether (and when) the customer's contract ended: a new case for it is refused. */
  ended(customerId: string): Promise<{ terminatedAt: string } | undefined>;
  /** The customers of `customerIds` whose contract ended. */
  endedAmong(customerIds: readonly string[]): Promise<Set<string>>;
  recordWindow(
    customerId: string,
    window: { exportWindowDays: number; windowSource: string; timeZone: string; noticeAcceptedAt: string; exportClosesAt: string },
  ): Promise<void>;
  recordExtension(
    customerId: string,
    extension: { sequence: number; extraDays: number; reason?: string; source: string; requestedAt: string; closesAt: string },
  ): Promise<void>;
  recordExportCompleted(customerId: string, export_: { completedAt: string; deleteNow: boolean }): Promise<void>;
  recordDeletionRequested(customerId: string, request: { store: string; webhookId: string; requestedAt: string }): Promise<void>;
  recordDeletionAttempt(customerId: string, store: string, answer: string): Promise<void>;
  recordDeletionConfirmed(
    customerId: string,
    store: string,
    confirmation: { method: string; completedAt: string; reference: string; lastCopyExpiresAt?: string; source: string },
  ): Promise<void>;
  recordDeleted(customerId: string, deletedAt: string): Promise<void>;
  get(customerId: string): Promise<TerminationRecord | undefined>;
}

const iso = (value: Date | null): string | undefined => (value === null ? undefined : value.toISOString());

export function terminationRepository(db: Db): TerminationRepository {
  return {
    async recordReceipt(receipt) {
      const inserted = await db
        .insertInto('terminations')
        .values({
          customer_id: receipt.customerId,
          terminated_at: receipt.terminatedAt,
          reported_at: receipt.reportedAt,
          requested_window_days: receipt.exportWindowDays ?? null,
        })
        .onConflict((oc) => oc.column('customer_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { outcome: 'recorded' };
      const stored = await db
        .selectFrom('terminations')
        .select(['terminated_at', 'requested_window_days'])
        .where('customer_id', '=', receipt.customerId)
        .executeTakeFirstOrThrow();
      const differs: string[] = [];
      if (stored.terminated_at.getTime() !== Date.parse(receipt.terminatedAt)) differs.push('terminatedAt');
      if (stored.requested_window_days !== (receipt.exportWindowDays ?? null)) differs.push('exportWindowDays');
      return differs.length === 0 ? { outcome: 'already-recorded' } : { outcome: 'conflict', differs };
    },

    async ended(customerId) {
      const row = await db.selectFrom('terminations').select('terminated_at').where('customer_id', '=', customerId).executeTakeFirst();
      return row ? { terminatedAt: row.terminated_at.toISOString() } : undefined;
    },

    async endedAmong(customerIds) {
      if (customerIds.length === 0) return new Set();
      const rows = await db
        .selectFrom('terminations')
        .select('customer_id')
        .where('customer_id', 'in', [...customerIds])
        .execute();
      return new Set(rows.map((row) => row.customer_id));
    },

    async recordWindow(customerId, window) {
      await db
        .updateTable('terminations')
        .set({
          export_window_days: window.exportWindowDays,
          window_source: window.windowSource as 'event' | 'contract' | 'setting',
          time_zone: window.timeZone,
          notice_accepted_at: window.noticeAcceptedAt,
          export_closes_at: window.exportClosesAt,
        })
        .where('customer_id', '=', customerId)
        .execute();
    },

    async recordExtension(customerId, extension) {
      await db
        .insertInto('termination_extensions')
        .values({
          customer_id: customerId,
          sequence: extension.sequence,
          extra_days: extension.extraDays,
          reason: extension.reason ?? null,
          source: extension.source,
          requested_at: extension.requestedAt,
          closes_at: extension.closesAt,
        })
        .onConflict((oc) => oc.columns(['customer_id', 'sequence']).doNothing())
        .execute();
      await db
        .updateTable('terminations')
        .set({ export_closes_at: extension.closesAt })
        .where('customer_id', '=', customerId)
        .where((eb) => eb.or([eb('export_closes_at', 'is', null), eb('export_closes_at', '<', new Date(extension.closesAt))]))
        .execute();
    },

    async recordExportCompleted(customerId, export_) {
      await db
        .updateTable('terminations')
        .set({ export_completed_at: export_.completedAt, delete_now: export_.deleteNow })
        .where('customer_id', '=', customerId)
        .where('export_completed_at', 'is', null)
        .execute();
    },

    async recordDeletionRequested(customerId, request) {
      await db
        .updateTable('terminations')
        .set({ deletion_started_at: request.requestedAt })
        .where('customer_id', '=', customerId)
        .where('deletion_started_at', 'is', null)
        .execute();
      await db
        .insertInto('termination_deletions')
        .values({ customer_id: customerId, store: request.store, webhook_id: request.webhookId, requested_at: request.requestedAt })
        .onConflict((oc) => oc.columns(['customer_id', 'store']).doNothing())
        .execute();
    },

    async recordDeletionAttempt(customerId, store, answer) {
      await db
        .updateTable('termination_deletions')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_answer: answer }))
        .where('customer_id', '=', customerId)
        .where('store', '=', store)
        .execute();
    },

    async recordDeletionConfirmed(customerId, store, confirmation) {
      await db
        .updateTable('termination_deletions')
        .set({
          method: confirmation.method as 'delete' | 'anonymise',
          completed_at: confirmation.completedAt,
          reference: confirmation.reference,
          last_copy_expires_at: confirmation.lastCopyExpiresAt ?? null,
          confirmed_by: confirmation.source,
        })
        .where('customer_id', '=', customerId)
        .where('store', '=', store)
        .where('completed_at', 'is', null)
        .execute();
    },

    async recordDeleted(customerId, deletedAt) {
      await db
        .updateTable('terminations')
        .set({ deleted_at: deletedAt })
        .where('customer_id', '=', customerId)
        .where('deleted_at', 'is', null)
        .execute();
    },

    async get(customerId) {
      const row = await db.selectFrom('terminations').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
      if (!row) return undefined;
      const extensions = await db
        .selectFrom('termination_extensions')
        .selectAll()
        .where('customer_id', '=', customerId)
        .orderBy('sequence')
        .execute();
      const deletions = await db
        .selectFrom('termination_deletions')
        .selectAll()
        .where('customer_id', '=', customerId)
        .orderBy('store')
        .execute();
      return {
        customerId: row.customer_id,
        terminatedAt: row.terminated_at.toISOString(),
        ...(row.export_window_days !== null && { exportWindowDays: row.export_window_days }),
        ...(row.notice_accepted_at && { noticeAcceptedAt: row.notice_accepted_at.toISOString() }),
        ...(row.export_closes_at && { exportClosesAt: row.export_closes_at.toISOString() }),
        ...(row.export_completed_at && { exportCompletedAt: row.export_completed_at.toISOString() }),
        deleteNow: row.delete_now,
        ...(row.deletion_started_at && { deletionStartedAt: row.deletion_started_at.toISOString() }),
        ...(row.deleted_at && { deletedAt: row.deleted_at.toISOString() }),
        extensions: extensions.map((e) => ({
          sequence: e.sequence,
          extraDays: e.extra_days,
          ...(e.reason !== null && { reason: e.reason }),
          source: e.source,
          requestedAt: e.requested_at.toISOString(),
          closesAt: e.closes_at.toISOString(),
        })),
        deletions: deletions.map((d) => ({
          store: d.store,
          webhookId: d.webhook_id,
          requestedAt: d.requested_at.toISOString(),
          attempts: d.attempts,
          ...(d.last_answer !== null && { lastAnswer: d.last_answer }),
          ...(d.method !== null && { method: d.method }),
          ...(iso(d.completed_at) && { completedAt: iso(d.completed_at)! }),
          ...(d.reference !== null && { reference: d.reference }),
          ...(iso(d.last_copy_expires_at) && { lastCopyExpiresAt: iso(d.last_copy_expires_at)! }),
        })),
      };
    },
  };
}
