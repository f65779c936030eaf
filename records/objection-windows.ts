import { sql, type Selectable } from 'kysely';
import type {
  ObjectionOutcome,
  ObjectionStatusLabel,
  ObjectionWindow,
  ObjectionWindowCounts,
  ObjectionWindowLabel,
  SubprocessorChangeNotice,
} from '../domain/subprocessor-change';
import type { Db } from './database';
import type { SubprocessorChangeRecipientsTable } from './schema';

/** A window the notice has just opened: the notice's acceptance, the window's close and its reminder. */
export interface OpeningWindow {
  customerId: string;
  noticeAcceptedAt: string;
  closesAt: string;
  reminderAt: string;
}

/**
 * Every customer's objection window of a change (5.2), one row each beside whom the change concerns
 * (migration 014). `subprocessor-change-<changeId>` moves them on (notified, reminded, closed) a batch at
 * a time; the webhook endpoint takes an objection into them; the HTTP API shows them.
 */
export interface ObjectionWindowRepository {
  /** A recorded change as its customers were told of it (the register's facts), or undefined. */
  changeNotice(changeId: string): Promise<SubprocessorChangeNotice | undefined>;
  get(changeId: string, customerId: string): Promise<ObjectionWindow | undefined>;
  /** Every window of a change, in the order the customers were told; undefined for a change not recorded. */
  list(changeId: string): Promise<ObjectionWindow[] | undefined>;
  counts(changeId: string): Promise<ObjectionWindowCounts>;
  /** The notice reached the customer: its window opens (a window no longer `notifying` stays as it is). */
  open(changeId: string, customerId: string, window: { noticeAcceptedAt: string; closesAt: string; reminderAt: string }): Promise<void>;
  /** `open` for the windows of a batch's slice, in one statement. */
  openMany(changeId: string, windows: readonly OpeningWindow[]): Promise<void>;
  /** Nobody could be told: the window never opens. */
  undeliverable(changeId: string, customerId: string, problem: string): Promise<void>;
  /** Customers still waiting for their notice (not described yet), in order, `limit` at most. */
  notifying(changeId: string, limit: number): Promise<string[]>;
  /** Of those, the ones the product has described since: their notice can go now. */
  describedSince(changeId: string, limit: number): Promise<string[]>;
  /** Open windows whose reminder is due at `now` and not sent, and which do not close by then. */
  remindersDue(changeId: string, now: string, limit: number): Promise<Array<{ customerId: string; closesAt: string }>>;
  reminded(changeId: string, customerId: string, at: string): Promise<void>;
  /** Every open window that closed by `now` is accepted; gives how many. */
  closeDue(changeId: string, now: string): Promise<number>;
  /** The next instant a window of the change is due: its reminder, or its close; and the last close. */
  nextDue(changeId: string): Promise<{ nextAt: string | undefined; lastCloseAt: string | undefined }>;
  /**
   * Takes an objection into the window, provided the window is still in the state `expected` (the state
   * its refusal was judged on); false when something moved it meanwhile, so the caller judges again.
   */
  object(
    changeId: string,
    customerId: string,
    expected: ObjectionWindowLabel,
    objection: { receivedAt: string; webhookId: string },
  ): Promise<boolean>;
  /** How the objection ended; the same outcome written again changes nothing. */
  recordOutcome(changeId: string, customerId: string, outcome: ObjectionOutcome): Promise<void>;
}

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

function toWindow(row: Selectable<SubprocessorChangeRecipientsTable>): ObjectionWindow {
  return {
    changeId: row.change_id,
    customerId: row.customer_id,
    state: row.window_state,
    noticeAcceptedAt: iso(row.notice_accepted_at),
    closesAt: iso(row.closes_at),
    reminderAt: iso(row.reminder_at),
    remindedAt: iso(row.reminded_at),
    objection:
      row.objection_received_at === null ? null : { receivedAt: iso(row.objection_received_at)!, webhookId: row.objection_webhook_id },
    problem: row.problem,
    outcome:
      row.objection_outcome === null
        ? null
        : {
            status: row.objection_outcome as ObjectionStatusLabel,
            endedAt: iso(row.objection_ended_at)!,
            ...(row.services_terminated !== null && {
              servicesTerminated: { services: row.services_terminated, receivedAt: iso(row.services_terminated_at)! },
            }),
          },
  };
}

export function objectionWindowRepository(db: Db): ObjectionWindowRepository {
  const windows = () => db.selectFrom('subprocessor_change_recipients');
  async function openMany(changeId: string, opening: readonly OpeningWindow[]): Promise<void> {
    if (opening.length === 0) return;
    // One array parameter per column, whatever the slice's size (PostgreSQL takes 65,535 parameters).
    const column = <K extends keyof OpeningWindow>(key: K) => opening.map((window) => window[key]);
    await sql`
      update subprocessor_change_recipients as w
      set window_state = 'open', notice_accepted_at = o.notice_accepted_at, closes_at = o.closes_at, reminder_at = o.reminder_at
      from unnest(${column('customerId')}::text[], ${column('noticeAcceptedAt')}::timestamptz[], ${column('closesAt')}::timestamptz[],
                  ${column('reminderAt')}::timestamptz[]) as o(customer_id, notice_accepted_at, closes_at, reminder_at)
      where w.change_id = ${changeId} and w.customer_id = o.customer_id and w.window_state = 'notifying'
    `.execute(db);
  }

  return {
    async changeNotice(changeId) {
      const row = await db
        .selectFrom('subprocessor_changes as c')
        .innerJoin('subprocessors as s', 's.id', 'c.subprocessor_id')
        .select([
          'c.change_id',
          'c.action',
          'c.replaces',
          'c.announced_at',
          'c.effective_at',
          's.id',
          's.name',
          's.country',
          's.purpose',
          's.safeguard',
          's.transfer_basis',
          'c.urgent_reason',
        ])
        .where('c.change_id', '=', changeId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        changeId: row.change_id,
        action: row.action,
        subprocessor: {
          id: row.id,
          name: row.name,
          country: row.country,
          purpose: row.purpose,
          ...(row.safeguard !== null && { safeguard: row.safeguard }),
        },
        ...(row.action !== 'removed' && { transferBasis: row.transfer_basis }),
        ...(row.replaces !== null && { replaces: row.replaces }),
        effectiveAt: row.effective_at.toISOString(),
        announcedAt: row.announced_at.toISOString(),
        ...(row.urgent_reason !== null && { urgent: { reason: row.urgent_reason } }),
      };
    },

    async get(changeId, customerId) {
      const row = await windows().selectAll().where('change_id', '=', changeId).where('customer_id', '=', customerId).executeTakeFirst();
      return row && toWindow(row);
    },

    async list(changeId) {
      const change = await db.selectFrom('subprocessor_changes').select('change_id').where('change_id', '=', changeId).executeTakeFirst();
      if (!change) return undefined;
      const rows = await windows().selectAll().where('change_id', '=', changeId).orderBy('position').execute();
      return rows.map(toWindow);
    },

    async counts(changeId) {
      const rows = await windows()
        .select((eb) => ['window_state', eb.fn.countAll<string>().as('count'), sql<string>`count(notice_accepted_at)`.as('notified')])
        .where('change_id', '=', changeId)
        .groupBy('window_state')
        .execute();
      const counts: ObjectionWindowCounts = { total: 0, notifying: 0, notified: 0, open: 0, objected: 0, accepted: 0, undeliverable: 0 };
      for (const row of rows) {
        counts.total += Number(row.count);
        counts.notified += Number(row.notified);
        if (row.window_state !== null) counts[row.window_state] += Number(row.count);
      }
      return counts;
    },

    open(changeId, customerId, window) {
      return openMany(changeId, [{ customerId, ...window }]);
    },

    openMany,

    async undeliverable(changeId, customerId, problem) {
      await db
        .updateTable('subprocessor_change_recipients')
        .set({ window_state: 'undeliverable', problem })
        .where('change_id', '=', changeId)
        .where('customer_id', '=', customerId)
        .where('window_state', '=', 'notifying')
        .execute();
    },

    async notifying(changeId, limit) {
      const rows = await windows()
        .select('customer_id')
        .where('change_id', '=', changeId)
        .where('window_state', '=', 'notifying')
        .orderBy('position')
        .limit(limit)
        .execute();
      return rows.map((row) => row.customer_id);
    },

    async describedSince(changeId, limit) {
      const rows = await windows()
        .select('customer_id')
        .where('change_id', '=', changeId)
        .where('window_state', '=', 'notifying')
        .where('customer_id', 'in', db.selectFrom('customers').select('customer_id'))
        .orderBy('position')
        .limit(limit)
        .execute();
      return rows.map((row) => row.customer_id);
    },

    async remindersDue(changeId, now, limit) {
      const rows = await windows()
        .select(['customer_id', 'closes_at'])
        .where('change_id', '=', changeId)
        .where('window_state', '=', 'open')
        .where('reminder_at', '<=', new Date(now))
        .where('reminded_at', 'is', null)
        .where('closes_at', '>', new Date(now))
        .orderBy('position')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ customerId: row.customer_id, closesAt: row.closes_at!.toISOString() }));
    },

    async reminded(changeId, customerId, at) {
      await db
        .updateTable('subprocessor_change_recipients')
        .set({ reminded_at: at })
        .where('change_id', '=', changeId)
        .where('customer_id', '=', customerId)
        .execute();
    },

    async closeDue(changeId, now) {
      const result = await db
        .updateTable('subprocessor_change_recipients')
        .set({ window_state: 'accepted' })
        .where('change_id', '=', changeId)
        .where('window_state', '=', 'open')
        .where('closes_at', '<=', new Date(now))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async nextDue(changeId) {
      const row = await windows()
        .select([
          sql<Date | null>`min(case when reminded_at is null and reminder_at < closes_at then reminder_at end)`.as('next_reminder'),
          sql<Date | null>`min(closes_at)`.as('next_close'),
        ])
        .where('change_id', '=', changeId)
        .where('window_state', '=', 'open')
        .executeTakeFirstOrThrow();
      const last = await windows()
        .select(sql<Date | null>`max(closes_at)`.as('last_close'))
        .where('change_id', '=', changeId)
        .executeTakeFirstOrThrow();
      const candidates = [row.next_reminder, row.next_close]
        .filter((value): value is Date => value !== null)
        .map((value) => new Date(value));
      const next = candidates.length > 0 ? new Date(Math.min(...candidates.map((value) => value.getTime()))) : undefined;
      return { nextAt: next?.toISOString(), lastCloseAt: last.last_close === null ? undefined : new Date(last.last_close).toISOString() };
    },

    async object(changeId, customerId, expected, objection) {
      const result = await db
        .updateTable('subprocessor_change_recipients')
        .set({ window_state: 'objected', objection_received_at: objection.receivedAt, objection_webhook_id: objection.webhookId })
        .where('change_id', '=', changeId)
        .where('customer_id', '=', customerId)
        .where('window_state', '=', expected)
        .where('objection_received_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async recordOutcome(changeId, customerId, outcome) {
      await db
        .updateTable('subprocessor_change_recipients')
        .set({
          objection_outcome: outcome.status,
          objection_ended_at: outcome.endedAt,
          services_terminated: outcome.servicesTerminated ? JSON.stringify(outcome.servicesTerminated.services) : null,
          services_terminated_at: outcome.servicesTerminated?.receivedAt ?? null,
        })
        .where('change_id', '=', changeId)
        .where('customer_id', '=', customerId)
        // A retried activity finds it written: the first instant stays.
        .where('objection_outcome', 'is', null)
        .execute();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// After the customer's contract ended (policy 11.3, 13)

/** The outcome written into a window (and its objection, if any) that ended because the contract did. */
export const contractEndedOutcome = 'contract-ended';

/** What the end of a customer's contract does to its objection windows. */
export interface ObjectionWindowsAfterContractRepository {
  /**
   * Closes every window of the customer still running, with outcome `contract-ended`: a window still
   * `notifying` or `open` (no objection came) is closed as `accepted`, the state the change's loop reads
   * as closed without objection, so the change stops waiting for it; a window `objected` whose
   * objection has not ended gets the outcome, its objection workflow being ended by the caller.
   * Idempotent; gives the windows ended now, each with whether an objection was in progress.
   */
  endWindowsOf(customerId: string, at: string): Promise<Array<{ changeId: string; objectionInProgress: boolean }>>;
}

export function objectionWindowsAfterContractRepository(db: Db): ObjectionWindowsAfterContractRepository {
  return {
    async endWindowsOf(customerId, at) {
      return db.transaction().execute(async (trx) => {
        const running = await trx
          .updateTable('subprocessor_change_recipients')
          .set({ window_state: 'accepted', objection_outcome: contractEndedOutcome, objection_ended_at: at })
          .where('customer_id', '=', customerId)
          .where('window_state', 'in', ['notifying', 'open'])
          .returning('change_id')
          .execute();
        const objected = await trx
          .updateTable('subprocessor_change_recipients')
          .set({ objection_outcome: contractEndedOutcome, objection_ended_at: at })
          .where('customer_id', '=', customerId)
          .where('window_state', '=', 'objected')
          .where('objection_outcome', 'is', null)
          .returning('change_id')
          .execute();
        return [
          ...running.map((row) => ({ changeId: row.change_id, objectionInProgress: false })),
          ...objected.map((row) => ({ changeId: row.change_id, objectionInProgress: true })),
        ];
      });
    },
  };
}
