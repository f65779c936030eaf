import { Context } from '@temporalio/activity';
import { workflowIds } from '../domain/ids';
import {
  objectionReminderAt,
  objectionWindowClosesAt,
  objectionWindowSettings,
  type ObjectionOutcome,
  type ObjectionWindowCounts,
  type StoredObjectionWindowSettings,
  type SubprocessorChangeNotice,
} from '../domain/subprocessor-change';
import type { OpeningWindow } from '../records/objection-windows';
import { resumableBatch } from './customer-batch';
import type { ProcessActivityDeps } from './deps';
import { emailCustomersTogether, type CustomerEmailResult } from './email/customer-contacts';
import { emailObjectionWindow, objectionWindowEmail, replacedName } from './subprocessor-change';

export interface AnnounceChangeInput {
  change: SubprocessorChangeNotice;
  /** One batch of the customers concerned: their positions among the change's recorded recipients. */
  positions: { from: number; to: number };
  settings: StoredObjectionWindowSettings;
}

/** A customer nobody could tell: the change alerts the privacy team. */
export interface UntoldCustomer {
  customerId: string;
  problem: string;
}

export interface NoticesResult {
  /** Customers whose notice a contact accepted here: their windows are open. */
  notified: number;
  /** Customers the product has not described yet: their windows stay `notifying`. */
  unknown: number;
  /** Customers whose notice no contact accepted: their windows are `undeliverable`. */
  undeliverable: UntoldCustomer[];
}

/** The progress a retried attempt resumes from (heartbeat details). */
interface Progress extends NoticesResult {
  done: number;
}

export interface SettleWindowsInput {
  change: SubprocessorChangeNotice;
  settings: StoredObjectionWindowSettings;
  /** The change's clock: what is due is due by this instant. */
  now: string;
  /** Reminders sent by one call at most; the change calls again while `more`. */
  limit: number;
}

export interface SettleWindowsResult {
  reminded: number;
  /** Reminders no contact accepted: the change alerts the privacy team, the windows stay open. */
  remindersUndeliverable: UntoldCustomer[];
  closed: number;
  /** More reminders are due than one call sends. */
  more: boolean;
  counts: ObjectionWindowCounts;
  /** The next reminder or close of a window still open; absent when none is. */
  nextAt?: string;
  lastCloseAt?: string;
}

/**
 * The server's clock inside an activity: when this attempt was scheduled (the server's instant) plus
 * the time it has run. A window's instants are the server's, like the timers the change sleeps on (on
 * the time-skipping test server they are far from the machine's clock).
 */
export function serverClock(): () => number {
  const scheduledMs = Context.current().info.currentAttemptScheduledTimestampMs;
  const startedMs = Date.now();
  return () => scheduledMs + (Date.now() - startedMs);
}

/**
 * The windows of `subprocessor-change-<changeId>` (5.2), kept in the records, one row per customer.
 *
 * A notice is sent under the customer's own id, `objection-<changeId>~<customerId>` (the id its
 * objection's workflow will have), so that the evidence log shows each customer's emails together and
 * a retried batch sends nothing twice. The window opens with the notice's acceptance and closes at the
 * end of the 30th day after it in the customer's time zone, the instant the notice states.
 */
export function createObjectionWindowActivities(deps: ProcessActivityDeps) {
  const windows = deps.records.objectionWindows;

  /**
   * Sends a slice of customers their notices together and opens their windows in one statement (or
   * gives up the window of a customer nobody could tell); a customer not described yet stays `notifying`.
   */
  async function notifySlice(
    sending: ProcessActivityDeps,
    change: SubprocessorChangeNotice,
    customerIds: readonly string[],
    settings: ReturnType<typeof objectionWindowSettings>,
    replaced: string | undefined,
    clock: () => number,
  ): Promise<CustomerEmailResult[]> {
    const days = settings.objectionWindowDays;
    const statedAt = new Date(clock()).toISOString();
    const timeZones = new Map<string, string>();
    // The slice's customers share a few time zones: each close is counted once per zone.
    const closing = (from: string) => {
      const byZone = new Map<string, string>();
      return (zone: string) => byZone.get(zone) ?? byZone.set(zone, objectionWindowClosesAt(from, zone, days)).get(zone)!;
    };
    const statedClose = closing(statedAt);
    const results = await emailCustomersTogether(
      sending,
      customerIds.map((customerId) =>
        objectionWindowEmail(
          sending,
          workflowIds.objection(change.changeId, customerId),
          {
            customerId,
            change,
            windowClosesAt: (zone) => {
              timeZones.set(customerId, zone);
              return statedClose(zone);
            },
            email: { kind: 'change-notice' },
          },
          replaced,
        ),
      ),
    );
    // What each notice stated, or later should the sends have passed midnight: never earlier than stated.
    const acceptedAt = new Date(clock()).toISOString();
    const acceptedClose = closing(acceptedAt);
    const opening: OpeningWindow[] = [];
    for (const [index, customerId] of customerIds.entries()) {
      const sent = results[index]!;
      if (sent.status === 'sent') {
        const closesAt = acceptedClose(timeZones.get(customerId)!);
        opening.push({
          customerId,
          noticeAcceptedAt: acceptedAt,
          closesAt,
          reminderAt: objectionReminderAt(closesAt, settings.reminderDaysBeforeClose),
        });
      } else if (sent.status === 'undeliverable') {
        await windows.undeliverable(change.changeId, customerId, sent.problem);
      }
    }
    await windows.openMany(change.changeId, opening);
    return results;
  }

  async function noticeBatch(
    change: SubprocessorChangeNotice,
    stored: StoredObjectionWindowSettings,
    customerIds: readonly string[],
  ): Promise<NoticesResult> {
    const batch = resumableBatch<Progress>({ done: 0, notified: 0, unknown: 0, undeliverable: [] });
    const { progress } = batch;
    const sending = { ...deps, heartbeat: batch.heartbeat };
    const settings = objectionWindowSettings(stored);
    const replaced = await replacedName(deps, change);
    const clock = serverClock();
    await batch.runSlices(customerIds, async (slice) => {
      const results = await notifySlice(sending, change, slice, settings, replaced, clock);
      for (const [index, sent] of results.entries()) {
        if (sent.status === 'sent') progress.notified += 1;
        else if (sent.status === 'customer-unknown') progress.unknown += 1;
        else progress.undeliverable.push({ customerId: slice[index]!, problem: sent.problem });
      }
    });
    return { notified: progress.notified, unknown: progress.unknown, undeliverable: progress.undeliverable };
  }

  return {
    /**
     * Announces a change to one batch of its customers (5.2): each gets its notice, and its window
     * opens in the records. Customers are handled side by side (activities/customer-batch.ts), and a
     * retried attempt resumes from its heartbeat: the recorded recipients never change.
     */
    async announceChangeToCustomers(input: AnnounceChangeInput): Promise<NoticesResult> {
      const customerIds = await deps.records.subprocessors.recipients(input.change.changeId, input.positions.from, input.positions.to);
      return noticeBatch(input.change, input.settings, customerIds);
    },

    /**
     * Sends the notices of customers the product has described since the announcement (up to `limit`
     * of them); the ones still unknown are not looked at, so a caller that repeats until a call finds
     * none has reached every described customer, however many are still unknown before it.
     */
    async retryUndescribedNotices(input: { change: SubprocessorChangeNotice; settings: StoredObjectionWindowSettings; limit: number }) {
      const customerIds = await windows.describedSince(input.change.changeId, input.limit);
      return noticeBatch(input.change, input.settings, customerIds);
    },

    /** The grace is over: every customer still not described is given up (its window `undeliverable`), `limit` at a time. */
    async giveUpUndescribed(input: { changeId: string; problem: string; limit: number }): Promise<string[]> {
      const customerIds = await windows.notifying(input.changeId, input.limit);
      for (const customerId of customerIds) await windows.undeliverable(input.changeId, customerId, input.problem);
      return customerIds;
    },

    /**
     * Everything due at the change's `now`, in one call: the reminders due (5.2: 7 days before the
     * close), at most `limit`, then every window that closed without an objection is accepted. Gives
     * back the counts and the next instant due, for the change's details and its next sleep.
     */
    async settleDueWindows(input: SettleWindowsInput): Promise<SettleWindowsResult> {
      const { change } = input;
      const due = await windows.remindersDue(change.changeId, input.now, input.limit);
      const batch = resumableBatch<{ done: number; reminded: number; undeliverable: UntoldCustomer[] }>({
        done: 0,
        reminded: 0,
        undeliverable: [],
      });
      const sending = { ...deps, heartbeat: batch.heartbeat };
      const replaced = await replacedName(deps, change);
      const clock = serverClock();
      const closing = new Map(due.map((window) => [window.customerId, window.closesAt]));
      await batch.run(
        due.map((window) => window.customerId),
        async (customerId) => {
          const sent = await emailObjectionWindow(
            sending,
            workflowIds.objection(change.changeId, customerId),
            { customerId, change, windowClosesAt: closing.get(customerId)!, email: { kind: 'objection-reminder' } },
            replaced,
          );
          await windows.reminded(change.changeId, customerId, new Date(clock()).toISOString());
          if (sent.status === 'sent') batch.progress.reminded += 1;
          else
            batch.progress.undeliverable.push({ customerId, problem: sent.status === 'undeliverable' ? sent.problem : 'customer unknown' });
        },
      );
      const closed = await windows.closeDue(change.changeId, input.now);
      const { nextAt, lastCloseAt } = await windows.nextDue(change.changeId);
      return {
        reminded: batch.progress.reminded,
        remindersUndeliverable: batch.progress.undeliverable,
        closed,
        more: due.length >= input.limit,
        counts: await windows.counts(change.changeId),
        ...(nextAt !== undefined && { nextAt }),
        ...(lastCloseAt !== undefined && { lastCloseAt }),
      };
    },

    /** The windows' counts now (after an objection was taken into them). */
    async countObjectionWindows(input: { changeId: string }): Promise<ObjectionWindowCounts> {
      return windows.counts(input.changeId);
    },

    /** How an objection ended, written into the customer's window (idempotent: the first outcome stays). */
    async recordObjectionOutcome(input: { changeId: string; customerId: string } & ObjectionOutcome): Promise<void> {
      const { changeId, customerId, ...outcome } = input;
      await windows.recordOutcome(changeId, customerId, outcome);
    },
  };
}
