// A copy of a record for the store. It lives in runtime/, the bottom layer, because the domain builds new
// records with the same shared empties the store keeps (domain/intents.ts) and may not import the store. Records are JSON data (they come from parsed requests and go to
// JSON files), so a plain recursive copy does what structuredClone does, several times faster: the
// copy is on the path of every write. Empty lists and objects (a new intent's attempts, refunds and
// metadata) are one shared, frozen instance: fewer objects per stored record for the garbage collector,
// whose work grows with them (records are never changed in place, only replaced).
export const EMPTY_LIST: readonly unknown[] = Object.freeze([]);
export const EMPTY_OBJECT: Readonly<Record<string, unknown>> = Object.freeze({});

export function cloneRecord<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY_LIST as T;
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = cloneRecord(value[i]);
    return out as T;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return EMPTY_OBJECT as T;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = cloneRecord((value as Record<string, unknown>)[key]);
    // A plain assignment to "__proto__" would set the prototype instead of copying the field.
    if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[key] = v;
  }
  return out as T;
}
