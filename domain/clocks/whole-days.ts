import { addLocalDays } from './local-date';
import { localDateOf, startOfLocalDate } from './time-zone';

/**
 * A period of `days` days counted from the day of `from`, whole, on the customer's own calendar: it ends
 * with the last instant of the `days`-th day after that day (5.2's thirty days to object, 11.2's export
 * window). A fact late on the last day is still in time, and a daylight-saving change in between moves
 * nothing. Gives that last instant (…T21:59:59.999Z for a day in Brussels summer time).
 */
export function endOfLastLocalDay(from: string, timeZone: string, days: number): string {
  const dayAfterLast = addLocalDays(localDateOf(from, timeZone), days + 1);
  return new Date(Date.parse(startOfLocalDate(dayAfterLast, timeZone)) - 1).toISOString();
}
