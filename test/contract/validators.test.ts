// The route validators a start uses are the code `npm run generate` wrote (docs/decisions/0058). They
// must be exactly what Ajv compiling the same schemas at run time would be: same verdict, same errors,
// same coercion of path and query parameters. A stale file must never be used.
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp, CONTRACT_FILES } from '../../simulator/src/app.js';
import { defaultConfig } from '../../simulator/src/config.js';
import { createAjv } from '../../simulator/src/http/ajv.js';
import { ContractSet } from '../../simulator/src/http/contract.js';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from '../../simulator/src/http/errors.js';
import { routeSchemas, routeValidators, schemasDigest, type RouteSchema } from '../../simulator/src/http/validators.js';
import { bodyArb } from '../../torture/lib/fuzz-requests.js';
import { arbitraryFor } from '../../torture/lib/schema-arb.js';
import { testKeys } from '../helpers/sim.js';

const schemas = routeSchemas(CONTRACT_FILES.flatMap((f) => new ContractSet().operations(f)));
const generated = await routeValidators(schemas);
const compilers = { exact: createAjv(false, false), coerced: createAjv(true, false) };
const compiled = (s: RouteSchema) => (s.coerce ? compilers.coerced : compilers.exact).compile(s.schema);

/** A value for this schema: valid or broken (bodies), or every parameter as the string a URL gives. */
function inputArb(s: RouteSchema): fc.Arbitrary<unknown> {
  if (!s.coerce) {
    // The fuzz test's broken bodies that the JSON parser lets through to a validator.
    return bodyArb(arbitraryFor(s.schema))
      .map(({ body }) => {
        try {
          return JSON.parse(body.toString('utf8')) as unknown;
        } catch {
          return undefined;
        }
      })
      .filter((v) => v !== undefined && !jsonDepthExceeds(v, MAX_JSON_DEPTH));
  }
  const names = Object.keys(s.schema.properties as object);
  const value = (name: string) =>
    fc.oneof(
      arbitraryFor((s.schema.properties as Record<string, Record<string, unknown>>)[name]).map(String),
      fc.string({ maxLength: 30 }),
      fc.constantFrom('', 'true', 'false', '1', '-1', '1e3', 'null', 'x'.repeat(65), 'x'.repeat(3000)),
    );
  return fc.record(Object.fromEntries(names.map((n) => [n, value(n)])), { requiredKeys: [] });
}

describe('route validators', () => {
  it('a start uses the generated code: it was made from exactly the schemas the routes have', () => {
    expect(generated.source).toBe('generated');
    expect(schemas.length).toBeGreaterThan(40);
  });

  it.each(schemas.map((s) => [s.key, s] as const))('%s: the generated code judges as Ajv compiling the schema does', (_key, s) => {
    const ours = generated.for(s.key);
    const theirs = compiled(s);
    const verdicts = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(inputArb(s), (input) => {
        const a = structuredClone(input);
        const b = structuredClone(input);
        const okA = ours(a);
        const okB = theirs(b);
        expect(okA).toBe(okB);
        verdicts[okA ? 'valid' : 'invalid']++;
        expect(ours.errors ?? null).toEqual(theirs.errors ?? null);
        expect(a).toEqual(b); // coerced alike
      }),
      { numRuns: 60, seed: 58 },
    );
    // Both verdicts were compared, so errors were too (an empty schema, the inbox's, takes anything).
    expect(verdicts.valid).toBeGreaterThan(0);
    if (Object.keys(s.schema).length > 0) expect(verdicts.invalid).toBeGreaterThan(0);
  });

  it('the contracts changed since `npm run generate`: Ajv compiles each schema at run time instead', async () => {
    const edited = schemas.map((s) => (s.key === 'createIntent.body' ? { ...s, schema: { ...s.schema, required: ['amount'] } } : s));
    const validators = await routeValidators(edited);
    expect(validators.source).toBe('compiled');
    const validate = validators.for('createIntent.body');
    expect(validate({ amount: 5 })).toBe(true);
    expect(generated.for('createIntent.body')({ amount: 5 })).toBe(false);
  });

  it('a generated file from other schemas, or none, is not used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'validators-'));
    const other = join(dir, 'validators.cjs');
    writeFileSync(other, `exports.digest = ${JSON.stringify(schemasDigest(schemas.slice(1)))};\nexports.validators = {};\n`);
    expect((await routeValidators(schemas, other)).source).toBe('compiled');
    expect((await routeValidators(schemas, join(dir, 'missing.cjs'))).source).toBe('compiled');
  });

  it('a key no route has is an error at boot, not a route without validation', async () => {
    expect(() => generated.for('refundEverything.body')).toThrow(/no route schema refundEverything.body/);
    const compiledAtRunTime = await routeValidators(schemas, '/nonexistent.cjs');
    expect(() => compiledAtRunTime.for('refundEverything.body')).toThrow(/no route schema/);
  });

  it('a route with a schema but no validator of its own stops the boot: nothing goes unvalidated', async () => {
    const app = await buildApp({ config: defaultConfig({ memory: true, clock: 'manual' }), keys: testKeys() });
    app.post('/_sim/unvalidated', { schema: { body: { type: 'object' } } }, async () => ({}));
    await expect(app.ready()).rejects.toThrow(/\/_sim\/unvalidated body: a route with a schema must bring its validator/);
  });
});
