import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { addLocalDays, parseLocalDate } from '../../../../domain/clocks';
import { auditInvitationUid } from '../../../../domain/audit';
import type { CalendarPart } from '../rendered-email';

export interface AuditCalendarFacts {
  auditId: string;
  /** The audit day, on the customer's calendar. */
  date: string;
  /** RFC 5545 SEQUENCE: 0 for the first invitation, one more each time the date moves (and for the cancellation). */
  sequence: number;
  /** When this version of the event was decided (DTSTAMP): the same on every retry. */
  stampedAt: string;
  summary: string;
  description: string;
  organizer: { name: string; email: string };
  /** Who is invited; the recipient of each email is one of them. */
  attendees: Array<{ email: string; name?: string }>;
}

const midnightUtc = (date: string): Date => {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day));
};

/**
 * The audit as an all-day calendar event (RFC 5545/5546): one UID per audit, so that a new date replaces
 * the event in the attendees' calendars (METHOD:REQUEST with a higher SEQUENCE) and a cancellation
 * removes it (METHOD:CANCEL). The date is a DATE value, not an instant: it is the same day whatever the
 * reader's zone.
 */
export function auditCalendar(facts: AuditCalendarFacts, method: 'REQUEST' | 'CANCEL'): CalendarPart {
  const calendar = ical({
    prodId: { company: 'dpa-orchestrator', product: 'audit', language: 'EN' },
    method: method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  calendar.createEvent({
    id: auditInvitationUid(facts.auditId),
    sequence: facts.sequence,
    stamp: new Date(facts.stampedAt),
    start: midnightUtc(facts.date),
    end: midnightUtc(addLocalDays(facts.date, 1)),
    allDay: true,
    summary: facts.summary,
    description: facts.description,
    status: method === 'REQUEST' ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    organizer: facts.organizer,
    attendees: facts.attendees.map((attendee) => ({
      email: attendee.email,
      ...(attendee.name !== undefined && { name: attendee.name }),
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: method === 'REQUEST',
    })),
  });
  return { method, filename: method === 'REQUEST' ? 'invite.ics' : 'cancel.ics', content: calendar.toString() };
}
