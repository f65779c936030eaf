/**
 * Records keyed by ids the product chooses. The id rule (`[A-Za-z0-9._-]{1,64}`) lets a customer be
 * called "constructor", "toString" or "__proto__", names a plain object answers from its prototype:
 * `record[id]` would find a function for a customer never entered, and an assignment to "__proto__"
 * would set the prototype and keep nothing. These read and write the record's own entries only.
 */
export function ownEntry<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function setEntry<V>(record: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}
