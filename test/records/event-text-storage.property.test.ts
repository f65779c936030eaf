import fc from 'fast-check';
import { parseWebhookEvent } from '../../domain/events';
import type { Database, Records } from '../../records';
import { anyText, storableLookingText, storableText } from '../support/event-text';
import { freshDatabase } from '../support/records';

/**
 * What the door accepts, the records can hold: every text an event is accepted with is written to
 * PostgreSQL (a text column and a jsonb document) and read back unchanged. A NUL that passed the door
 * would fail here, as it failed in production, after the 202.
 */
describe.each(['pglite', 'postgres'] as const)('accepted texts round-trip through %s', (kind) => {
  let database: Database;
  let records: Records;

  beforeAll(async () => {
    ({ database, records } = await freshDatabase(kind));
  });
  afterAll(() => database?.close());

  it('stores every accepted customer name and contact name as it was accepted', async () => {
    const webhookTimestamp = new Date('2026-01-05T09:30:00Z');
    let accepted = 0;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText, storableLookingText), async (text) => {
        run += 1;
        const parsed = parseWebhookEvent(
          {
            type: 'customer.upserted',
            timestamp: webhookTimestamp.toISOString(),
            data: { customerId: `text-${run}`, name: text, language: 'en', contacts: [{ email: 'a@b.example', name: text }] },
          },
          { webhookTimestamp },
        );
        if (!parsed.ok || parsed.event.type !== 'customer.upserted') {
          expect(storableText(text) && text.split('\r\n').join('\n').trim() !== '').toBe(false);
          return;
        }
        accepted += 1;
        const { data } = parsed.event;
        await records.customers.upsert(
          {
            customerId: data.customerId,
            name: data.name,
            language: data.language,
            contacts: data.contacts,
            timeZone: 'Europe/Brussels',
            contract: {},
          },
          parsed.event.timestamp,
        );
        const stored = await records.customers.get(data.customerId);
        expect(stored?.name).toBe(data.name);
        expect(stored?.contacts).toEqual(data.contacts);
      }),
      { numRuns: 400 },
    );
    // The property said something: most generated texts are accepted and were stored.
    expect(accepted).toBeGreaterThan(150);
  });
});
