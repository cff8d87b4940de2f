// Compares two JSON answers by shape: which fields exist, their types, the format of strings, and the value
// of codes (statuses, providers, actions, error codes). Values that legitimately differ between the two sides
// (references, dates, amounts, messages) are never compared as values (docs/decisions/0101).

export type DifferenceKind = 'status' | 'header' | 'missing' | 'extra' | 'type' | 'enum' | 'format' | 'length' | 'signature' | 'no-answer';

/** One way the real service's answer differs from the simulator's, at a path such as `body.data.meta.amount`. */
export interface ShapeDifference {
  kind: DifferenceKind;
  path: string;
  simulator: string;
  real: string;
}

/** Little Pay's codes are upper-case words joined by underscores (COMPLETED, MAKE_PAYMENT, KES). */
const CODE = /^[A-Z]{3,}(_[A-Z]+)*$/;

const FORMATS: Array<[string, RegExp]> = [
  ['date-time with milliseconds', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/],
  ['date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/],
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['url', /^https?:\/\/\S+$/],
  ['email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/],
  ['jwt', /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/],
  ['phone with +', /^\+\d{8,15}$/],
  ['phone with country code', /^(233|250|254|255|256|260)\d{9}$/],
  ['local phone', /^0[17]\d{8}$/],
  ['digits', /^\d+$/],
  ['upper-case hex', /^[0-9A-F]{16,}$/],
  ['lower-case hex', /^[0-9a-f]{16,}$/],
  ['MM/YY', /^\d{2}\/\d{2}$/],
  ['empty', /^$/],
];

/** The format of a string: a named class, or `text`. Codes are classed by value. */
export function formatOf(value: string): string {
  if (CODE.test(value)) return `code ${value}`;
  return FORMATS.find(([, re]) => re.test(value))?.[0] ?? 'text';
}

export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** A value as one line of a report: codes and short values as they are, everything else by its shape. */
function describe(value: unknown): string {
  const type = typeOf(value);
  if (type === 'string') return formatOf(value as string);
  return type;
}

function typeWithFormat(value: unknown): string {
  return typeof value === 'string' ? `string (${formatOf(value)})` : typeOf(value);
}

function child(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Every shape difference between the simulator's value and the real one, paths starting at `path`. */
export function compareShape(sim: unknown, real: unknown, path: string): ShapeDifference[] {
  const simType = typeOf(sim);
  const realType = typeOf(real);
  if (simType !== realType) return [{ kind: 'type', path, simulator: typeWithFormat(sim), real: typeWithFormat(real) }];
  if (simType === 'string') return compareStrings(sim as string, real as string, path);
  if (simType === 'array') return compareArrays(sim as unknown[], real as unknown[], path);
  if (simType !== 'object') return [];
  const s = sim as Record<string, unknown>;
  const r = real as Record<string, unknown>;
  const out: ShapeDifference[] = [];
  for (const key of Object.keys(s)) {
    if (!(key in r)) out.push({ kind: 'missing', path: child(path, key), simulator: describe(s[key]), real: 'absent' });
    else out.push(...compareShape(s[key], r[key], child(path, key)));
  }
  for (const key of Object.keys(r)) {
    if (!(key in s)) out.push({ kind: 'extra', path: child(path, key), simulator: 'absent', real: describe(r[key]) });
  }
  return out;
}

function compareStrings(sim: string, real: string, path: string): ShapeDifference[] {
  const simFormat = formatOf(sim);
  const realFormat = formatOf(real);
  if (simFormat === realFormat) return [];
  const isCode = simFormat.startsWith('code ') || realFormat.startsWith('code ');
  return [{ kind: isCode ? 'enum' : 'format', path, simulator: simFormat, real: realFormat }];
}

/** Items are compared pairwise; every item's path is `path[]`, so a known difference names all of them. */
function compareArrays(sim: unknown[], real: unknown[], path: string): ShapeDifference[] {
  const out: ShapeDifference[] = [];
  if (sim.length !== real.length) out.push({ kind: 'length', path, simulator: `${sim.length} items`, real: `${real.length} items` });
  const seen = new Set<string>();
  for (let i = 0; i < Math.min(sim.length, real.length); i++) {
    for (const d of compareShape(sim[i], real[i], `${path}[]`)) {
      const id = `${d.kind} ${d.path} ${d.simulator} ${d.real}`;
      if (!seen.has(id)) out.push(d);
      seen.add(id);
    }
  }
  return out;
}
