import {
  formatInstant,
  Instant,
  millisPerDay,
  millisPerHour,
  millisPerMinute,
  millisPerSecond,
  normalizeInstant,
  parseInstant,
} from './instant';

/**
 * How long before a deadline to remind, e.g. `{ days: 7 }` and `{ days: 1 }`. Elapsed time, like the
 * clocks it reminds of: `{ days: 1 }` is 24 hours, so across a DST change a reminder reads an hour
 * off on the wall clock, which is harmless for a reminder and keeps it independent of any zone.
 */
export interface ReminderOffset {
  days?: number;
  hours?: number;
}

export interface Reminder {
  /**
   * Stable for one deadline and offset, and different once the deadline moves: the workflow keeps the
   * keys it sent, and uses one with its workflow id as the idempotency key of the email. Example:
   * 'P7D@2026-03-01T09:00:00.000Z'.
   */
  key: string;
  at: Instant;
  /** The offset as an ISO 8601 duration ('P7D', 'PT12H', 'P1DT6H'). */
  before: string;
}

function offsetMillis({ days = 0, hours = 0 }: ReminderOffset): number {
  const millis = days * millisPerDay + hours * millisPerHour;
  if (!Number.isFinite(days) || !Number.isFinite(hours) || days < 0 || hours < 0 || millis <= 0) {
    throw new RangeError(`a reminder comes a positive time before its deadline, got ${JSON.stringify({ days, hours })}`);
  }
  return millis;
}

function isoDuration(millis: number): string {
  const days = Math.floor(millis / millisPerDay);
  let rest = millis - days * millisPerDay;
  const hours = Math.floor(rest / millisPerHour);
  rest -= hours * millisPerHour;
  const minutes = Math.floor(rest / millisPerMinute);
  const seconds = (rest - minutes * millisPerMinute) / millisPerSecond;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

/**
 * Every reminder of a deadline, earliest first, computed from the stored deadline alone: extend the
 * deadline (an export window, a DSR's two extra months) and every reminder moves with it. Offsets that
 * come to the same time give one reminder.
 */
export function reminderSchedule(deadline: Instant, offsets: readonly ReminderOffset[]): Reminder[] {
  const deadlineMillis = parseInstant(deadline);
  const stored = normalizeInstant(deadline);
  const byOffset = new Map<number, Reminder>();
  for (const offset of offsets) {
    const millis = offsetMillis(offset);
    const before = isoDuration(millis);
    byOffset.set(millis, { key: `${before}@${stored}`, at: formatInstant(deadlineMillis - millis), before });
  }
  return [...byOffset.entries()].sort(([a], [b]) => b - a).map(([, reminder]) => reminder);
}

/** Whether the deadline has come: a deadline at `now` has passed, as a timer set for it has fired. */
export function deadlinePassed(deadline: Instant, now: Instant): boolean {
  return parseInstant(now) >= parseInstant(deadline);
}

/**
 * The reminders whose time has come by `now` while the deadline is still ahead: what an operator should
 * see as due or sent. Once the deadline has passed none is due; the deadline itself takes over.
 */
export function remindersDue(deadline: Instant, offsets: readonly ReminderOffset[], now: Instant): Reminder[] {
  if (deadlinePassed(deadline, now)) return [];
  const nowMillis = parseInstant(now);
  return reminderSchedule(deadline, offsets).filter((reminder) => parseInstant(reminder.at) <= nowMillis);
}

/**
 * The reminder to wait for next: the earliest one not yet sent whose time is `now` or later. A reminder
 * whose time passed before it was sent is skipped rather than sent late (no reminder in the past): a
 * case opened three days before its deadline gets its 1-day reminder, not a "7 days left" one, and an
 * extension schedules only the reminders still ahead. A workflow computes it before it sleeps, waits
 * `millisUntil(now, next.at)` or until the deadline changes, and sends that reminder if the timer fired:
 *
 *   const next = nextReminder(state.deadline, offsets, state.sent, now);
 *   if (next && !(await condition(() => state.deadline !== planned, millisUntil(now, next.at)))) { send; state.sent.push(next.key) }
 */
export function nextReminder(
  deadline: Instant,
  offsets: readonly ReminderOffset[],
  alreadySent: readonly string[],
  now: Instant,
): Reminder | undefined {
  if (deadlinePassed(deadline, now)) return undefined;
  const nowMillis = parseInstant(now);
  const sent = new Set(alreadySent);
  return reminderSchedule(deadline, offsets).find((reminder) => !sent.has(reminder.key) && parseInstant(reminder.at) >= nowMillis);
}
