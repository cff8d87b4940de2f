// The app compiles the contracts' schemas without checking them against the JSON Schema meta-schema
// (that check cost 150 ms of every start): this is where they are checked, each one the app compiles.
import { describe, expect, it } from 'vitest';
import { CONTRACT_FILES } from '../../simulator/src/app.js';
import { ContractSet, type JsonObject } from '../../simulator/src/http/contract.js';
import { createAjv } from '../../simulator/src/http/ajv.js';

const operations = CONTRACT_FILES.flatMap((f) => new ContractSet().operations(f));
const schemas: Array<[string, JsonObject]> = operations.flatMap((op) => [
  ...(op.requestSchema ? [[`${op.operationId} body`, op.requestSchema] as [string, JsonObject]] : []),
  ...op.parameters.map((p) => [`${op.operationId} ${String(p.in)} ${String(p.name)}`, (p.schema ?? {}) as JsonObject] as [string, JsonObject]),
]);

describe('the schemas the app compiles', () => {
  it('include every request body and parameter of the contracts', () => {
    expect(schemas.filter(([name]) => name.endsWith(' body')).length).toBe(operations.filter((o) => o.requestSchema).length);
    expect(schemas.length).toBeGreaterThan(operations.length);
  });

  it.each(schemas)('%s is valid JSON Schema 2020-12 and compiles in strict mode', (_name, schema) => {
    const ajv = createAjv(false);
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('a schema that breaks the meta-schema is caught here', () => {
    expect(createAjv(false).validateSchema({ type: 'object', properties: { a: { type: 'strng' } } })).toBe(false);
  });
});
