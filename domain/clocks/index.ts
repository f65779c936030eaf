// The policy's clocks (PRODUCT.md "Dates and times"): pure and deterministic, safe in workflow code.
export type { Instant } from './instant';
export { compareInstants, formatInstant, isInstant, normalizeInstant, parseInstant, wholeMinute } from './instant';
export type { DateParts, LocalDate } from './local-date';
export { addLocalDays, compareLocalDates, dayOfWeek, daysInMonth, formatLocalDate, isLocalDate, parseLocalDate } from './local-date';
export type { LocalDateTime } from './time-zone';
export { fromLocalDateTime, isValidTimeZone, localDateOf, startOfLocalDate, toLocalDateTime, utcOffsetMinutes } from './time-zone';
export { addCalendarMonths, addDays, addHours, hoursBetween, millisUntil } from './durations';
export { endOfLastLocalDay } from './whole-days';
export type { WorkingCalendar } from './holidays';
export { belgianCalendar, belgianPublicHolidays, calendarFromDates, easterSunday, withExtraHolidays } from './holidays';
export type { AuditDateCheck } from './working-days';
export {
  addWorkingDays,
  auditNoticeWorkingDays,
  checkAuditDate,
  earliestAuditDate,
  isWorkingDay,
  workingDaysBetween,
} from './working-days';
export type { Reminder, ReminderOffset } from './deadlines';
export { deadlinePassed, nextReminder, reminderSchedule, remindersDue } from './deadlines';
