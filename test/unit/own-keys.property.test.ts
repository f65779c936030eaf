import fc from 'fast-check';
import { ownEntry, setEntry } from '../../domain/own-keys';

/** Any id the door accepts ([A-Za-z0-9._-]{1,64}), with the names an object's prototype answers to. */
const anyId = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/),
  fc.constantFrom(...Object.getOwnPropertyNames(Object.prototype)).filter((name) => /^[A-Za-z0-9._-]{1,64}$/.test(name)),
);

test('an id never entered reads as absent; an entered one reads back, is its record’s own, and survives JSON', () => {
  fc.assert(
    fc.property(fc.uniqueArray(anyId, { maxLength: 8 }), anyId, (entered, other) => {
      const record: Record<string, string> = {};
      for (const id of entered) setEntry(record, id, `value of ${id}`);
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
      expect(Object.keys(record).sort()).toEqual([...entered].sort());
      const copy = JSON.parse(JSON.stringify(record)) as Record<string, string>;
      for (const id of entered) {
        expect(ownEntry(record, id)).toBe(`value of ${id}`);
        expect(ownEntry(copy, id)).toBe(`value of ${id}`);
      }
      if (!entered.includes(other)) expect(ownEntry(record, other)).toBeUndefined();
    }),
    { numRuns: 300 },
  );
});
