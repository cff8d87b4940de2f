// The contracts check themselves: every example validates against the schema it illustrates, the app
// registers exactly one route per operation, and the registration refuses a handler map that does not
// match the contract.
import Fastify from 'fastify';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACT_FILES } from '../../simulator/src/app.js';
import { CONTRACTS_DIR, ContractSet, type JsonObject } from '../../simulator/src/http/contract.js';
import { registerOperations, type OperationHandler } from '../../simulator/src/http/register-operations.js';
import { routeSchemas, routeValidators } from '../../simulator/src/http/validators.js';
import { createAjv } from '../../simulator/src/http/ajv.js';
import { startTestSim } from '../helpers/sim.js';

const contracts = new ContractSet();
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'];

interface Example {
  file: string;
  where: string;
  schema: unknown;
  value: unknown;
}

/** Every `examples` entry under a media type object, with the schema beside it. */
function fromContent(file: string, where: string, content: unknown, out: Example[]): void {
  for (const [type, media] of Object.entries((content ?? {}) as Record<string, JsonObject>)) {
    for (const [name, example] of Object.entries((media.examples ?? {}) as Record<string, JsonObject>)) {
      const resolved = contracts.deref(example, file) as JsonObject;
      out.push({ file, where: `${where} ${type} examples.${name}`, schema: media.schema, value: resolved.value });
    }
    if ('example' in media) out.push({ file, where: `${where} ${type} example`, schema: media.schema, value: media.example });
  }
}

function fromOperation(file: string, where: string, op: JsonObject, out: Example[]): void {
  const body = contracts.deref(op.requestBody ?? {}, file) as JsonObject;
  fromContent(file, `${where} requestBody`, body.content, out);
  for (const [code, response] of Object.entries((op.responses ?? {}) as JsonObject)) {
    fromContent(file, `${where} ${code}`, (contracts.deref(response, file) as JsonObject).content, out);
  }
}

function examples(file: string): Example[] {
  const doc = contracts.doc(file);
  const out: Example[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, JsonObject>)) {
    for (const method of HTTP_METHODS) if (item[method]) fromOperation(file, `${method.toUpperCase()} ${path}`, item[method] as JsonObject, out);
  }
  for (const [name, item] of Object.entries((doc.webhooks ?? {}) as Record<string, JsonObject>)) {
    for (const method of HTTP_METHODS) if (item[method]) fromOperation(file, `webhook ${name}`, item[method] as JsonObject, out);
  }
  const components = (doc.components ?? {}) as JsonObject;
  for (const [name, response] of Object.entries((components.responses ?? {}) as Record<string, JsonObject>)) {
    fromContent(file, `components.responses.${name}`, response.content, out);
  }
  return out;
}

/** Operations counted straight from the YAML, independently of ContractSet.operations. */
function operationIds(file: string): string[] {
  const doc = parse(readFileSync(resolve(CONTRACTS_DIR, file), 'utf8')) as JsonObject;
  return Object.values((doc.paths ?? {}) as Record<string, JsonObject>).flatMap((item) =>
    HTTP_METHODS.filter((m) => item[m]).map((m) => String((item[m] as JsonObject).operationId)),
  );
}

const all = CONTRACT_FILES.flatMap((f) => examples(f));
const ajv = createAjv(false);

describe('contract examples', () => {
  it('finds the examples of both contracts (requests, responses, webhooks, shared responses)', () => {
    const where = all.map((e) => `${e.file} ${e.where}`);
    expect(all.length).toBeGreaterThanOrEqual(30);
    for (const part of ['requestBody', 'webhook paymentCallback', 'webhook refundCallback', 'components.responses.BadRequest', 'POST /_sim/merchants']) {
      expect(
        where.some((w) => w.includes(part)),
        part,
      ).toBe(true);
    }
    for (const file of CONTRACT_FILES)
      expect(
        all.some((e) => e.file === file),
        file,
      ).toBe(true);
  });

  it.each(all.map((e) => [`${e.file} ${e.where}`, e] as const))('%s validates against its schema', (_name, e) => {
    expect(e.schema, 'an example without a schema').toBeDefined();
    const validate = ajv.compile(contracts.deref(e.schema, e.file) as object);
    const ok = validate(e.value);
    expect(validate.errors ?? [], JSON.stringify(e.value)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validation is not vacuous: a broken example is refused', () => {
    const created = all.find((e) => e.where.startsWith('POST /api/payments/{tokenId}/pay requestBody') && e.where.endsWith('mobileMoney'))!;
    const validate = ajv.compile(contracts.deref(created.schema, created.file) as object);
    expect(validate({ ...(created.value as object), amount: '1500' })).toBe(false);
    expect(validate({ ...(created.value as object), key: 'ORDER-1042' })).toBe(false);
  });
});

describe('one route per operation', () => {
  const operations = CONTRACT_FILES.flatMap((f) => contracts.operations(f));
  const noop: OperationHandler = async () => ({ body: null });
  const handlersFor = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, noop]));
  const auth = { basicAuth: () => undefined as never, apiKeyAuth: () => undefined as never, adminToken: () => undefined };
  const validators = routeValidators(routeSchemas(operations));

  it('the app registers exactly one route for each operation of both contracts', async () => {
    const ids = CONTRACT_FILES.flatMap((f) => operationIds(f));
    expect(new Set(ids).size).toBe(ids.length); // operationIds are unique
    const sim = await startTestSim();
    expect(sim.app.sim.routeCount).toBe(ids.length);
    for (const op of operations) {
      const url = op.path.replace(/\{([^}]+)\}/g, ':$1');
      expect(sim.app.hasRoute({ method: op.method, url }), `${op.method} ${op.path}`).toBe(true);
    }
  });

  it('registers every operation when the handlers match the contract', async () => {
    expect(registerOperations(Fastify(), operations, handlersFor(operations.map((o) => o.operationId)), auth, await validators)).toBe(operations.length);
  });

  it.each(operations.map((o) => o.operationId))('throws when the handler of %s is missing', async (missing) => {
    const handlers = handlersFor(operations.map((o) => o.operationId).filter((id) => id !== missing));
    const v = await validators;
    expect(() => registerOperations(Fastify(), operations, handlers, auth, v)).toThrow(new RegExp(`no handler for \\[${missing}\\]`));
  });

  it('throws when a handler has no operation', async () => {
    const handlers = { ...handlersFor(operations.map((o) => o.operationId)), refundEverything: noop };
    const v = await validators;
    expect(() => registerOperations(Fastify(), operations, handlers, auth, v)).toThrow(/no operation for \[refundEverything\]/);
  });

  it('throws when an operation names a security scheme it has no authenticator for', async () => {
    const handlers = handlersFor(operations.map((o) => o.operationId));
    const v = await validators;
    expect(() => registerOperations(Fastify(), operations, handlers, { basicAuth: auth.basicAuth, adminToken: auth.adminToken }, v)).toThrow(
      /unknown security scheme apiKeyAuth/,
    );
  });
});
