// fast-check arbitraries of values a JSON Schema (as the contracts write them) accepts. Close enough:
// the fuzz test breaks them afterwards anyway; what matters is that most requests get past the first
// check, so the breakage reaches the deeper rules.
import fc from 'fast-check';

type Schema = Record<string, unknown>;

const FORMATS: Record<string, () => fc.Arbitrary<string>> = {
  uri: () => fc.webUrl(),
  email: () => fc.emailAddress(),
  'date-time': () => fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()),
  uuid: () => fc.uuid(),
};

function stringArb(s: Schema): fc.Arbitrary<string> {
  if (typeof s.format === 'string' && FORMATS[s.format]) return FORMATS[s.format]!();
  const maxLength = typeof s.maxLength === 'number' ? s.maxLength : 40;
  const minLength = typeof s.minLength === 'number' ? s.minLength : 0;
  if (typeof s.pattern === 'string') {
    return fc.stringMatching(new RegExp(s.pattern, 'u')).filter((x) => x.length >= minLength && x.length <= maxLength);
  }
  return fc.string({ minLength, maxLength: Math.min(maxLength, 60) });
}

function numberArb(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + (integer ? 1 : 0.01) : -1e6;
  const max = typeof s.maximum === 'number' ? s.maximum : 1e7;
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => Math.round(n * 100) / 100);
}

function objectArb(s: Schema): fc.Arbitrary<Record<string, unknown>> {
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  const required = new Set((s.required ?? []) as string[]);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(properties)) model[name] = arbitraryFor(sub);
  return fc.record(model, { requiredKeys: Object.keys(properties).filter((k) => required.has(k)) }) as fc.Arbitrary<Record<string, unknown>>;
}

export function arbitraryFor(s: Schema | undefined): fc.Arbitrary<unknown> {
  if (!s) return fc.jsonValue();
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if (Array.isArray(s.oneOf)) return fc.oneof(...(s.oneOf as Schema[]).map((b) => arbitraryFor({ ...s, oneOf: undefined, ...b })));
  const type = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string | undefined];
  return fc.oneof(
    ...type.map((t): fc.Arbitrary<unknown> => {
      switch (t) {
        case 'object':
          return objectArb(s);
        case 'array':
          return fc.array(arbitraryFor(s.items as Schema | undefined), {
            minLength: typeof s.minItems === 'number' ? s.minItems : 0,
            maxLength: typeof s.maxItems === 'number' ? s.maxItems : 5,
          });
        case 'string':
          return stringArb(s);
        case 'integer':
          return numberArb(s, true);
        case 'number':
          return numberArb(s, false);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        default:
          return fc.jsonValue();
      }
    }),
  );
}
