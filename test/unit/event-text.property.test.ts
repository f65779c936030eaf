import fc from 'fast-check';
import { parseWebhookEvent, type EventProblem } from '../../domain/events';
import { anyText, storableText } from '../support/event-text';

const webhookTimestamp = new Date('2026-01-05T09:30:00Z');

/** Three kinds of text field: a plain one, one in a list, one in an object in a list. */
type EventFields = Record<string, unknown>;

const fields = [
  {
    path: 'data.update',
    body: (text: string) => ({
      type: 'breach.updated',
      timestamp: webhookTimestamp.toISOString(),
      data: { incidentId: 'inc-1', update: text },
    }),
    read: (data: EventFields) => data.update,
  },
  {
    path: 'data.measures.2',
    body: (text: string) => ({
      type: 'breach.updated',
      timestamp: webhookTimestamp.toISOString(),
      data: { incidentId: 'inc-1', update: 'u', measures: ['one', 'two', text] },
    }),
    read: (data: EventFields) => (data.measures as string[])[2],
  },
  {
    path: 'data.contacts.0.name',
    body: (text: string) => ({
      type: 'customer.upserted',
      timestamp: webhookTimestamp.toISOString(),
      data: { customerId: 'c-1', name: 'N', language: 'en', contacts: [{ email: 'a@b.example', name: text }] },
    }),
    read: (data: EventFields) => (data.contacts as Array<{ name?: string }>)[0]!.name,
  },
];

describe('the text rule, for every string', () => {
  it.each(fields.map((field) => [field.path, field] as const))('%s: accepted exactly when storable and not blank', (_path, field) => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parseWebhookEvent(field.body(text), { webhookTimestamp });
        const normalised = text.split('\r\n').join('\n');
        const expectedOk = storableText(text) && normalised.trim() !== '';
        expect(result.ok).toBe(expectedOk);
        if (result.ok) {
          // Stored as sent, but for CRLF read as LF and the surrounding white space.
          expect(field.read(result.event.data as EventFields)).toBe(normalised.trim());
        } else if (!storableText(text)) {
          // One problem, at the field, naming a code point the text really holds.
          const problems: EventProblem[] = result.problems;
          expect(problems).toHaveLength(1);
          expect(problems[0]!.path).toBe(field.path);
          const found = /found U\+([0-9A-F]{4})/.exec(problems[0]!.message)?.[1];
          expect(found).toBeDefined();
          expect(normalised).toContain(String.fromCharCode(parseInt(found!, 16)));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
