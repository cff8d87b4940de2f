// The validators of the contract routes: path parameters, query and body of every operation.
// `npm run generate` writes them as code (generated/validators.cjs, Ajv's standalone output) with a
// digest of the schemas they were made from; a start whose route schemas have that digest uses them and
// never loads Ajv, which cost about 30 ms of every start. Otherwise (a contract edited since the last
// `npm run generate`) Ajv compiles each one on its first use. Either way the same schemas, the same Ajv
// options, the same errors (docs/decisions/0058).
import { hash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ErrorObject } from 'ajv/dist/2020.js';
import type { JsonObject, Operation } from './contract.js';

/**
 * Ajv set for a gateway, not a web form: bodies are neither stripped nor coerced (path and query
 * parameters are coerced from their string form), every error is collected, with the schema that failed
 * (for the contract's x-hint), and unknown keywords are errors.
 */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  removeAdditional: false,
  useDefaults: false,
  verbose: true,
} as const;

/** OpenAPI annotations that are not JSON Schema keywords. */
export const ANNOTATION_KEYWORDS = ['example', 'x-hint', 'xml', 'externalDocs'] as const;

export const GENERATED_VALIDATORS = resolve(dirname(fileURLToPath(import.meta.url)), '../generated/validators.cjs');

export type HttpPart = 'params' | 'querystring' | 'body';

/** What fastify calls with a request part; `errors` is Ajv's, read by the error handler. */
export interface Validate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** One schema a contract route validates: `createIntent.body`, `getStatus.params`. */
export interface RouteSchema {
  key: string;
  operationId: string;
  part: HttpPart;
  schema: JsonObject;
  /** Path and query parameters arrive as strings and are coerced to the contract's types. */
  coerce: boolean;
}

export const routeKey = (operationId: string, part: HttpPart): string => `${operationId}.${part}`;

function parameterSchema(op: Operation, where: 'path' | 'query'): JsonObject | undefined {
  const params = op.parameters.filter((p) => p.in === where);
  if (params.length === 0) return undefined;
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema ?? {}])),
    required: params.filter((p) => p.required).map((p) => p.name),
  };
}

/** The schema of each part of each operation that has one, in contract order. */
export function routeSchemas(operations: Operation[]): RouteSchema[] {
  const out: RouteSchema[] = [];
  for (const op of operations) {
    const params = parameterSchema(op, 'path');
    const query = parameterSchema(op, 'query');
    const { operationId } = op;
    if (params) out.push({ key: routeKey(operationId, 'params'), operationId, part: 'params', schema: params, coerce: true });
    if (query) out.push({ key: routeKey(operationId, 'querystring'), operationId, part: 'querystring', schema: query, coerce: true });
    if (op.requestSchema) out.push({ key: routeKey(operationId, 'body'), operationId, part: 'body', schema: op.requestSchema, coerce: false });
  }
  return out;
}

/** Names the schemas and the options they are compiled with: generated code is used only for these. */
export function schemasDigest(schemas: RouteSchema[]): string {
  return hash('sha256', JSON.stringify({ options: AJV_OPTIONS, keywords: ANNOTATION_KEYWORDS, schemas }), 'hex');
}

export interface RouteValidators {
  /** 'generated' when the code from `npm run generate` matched, 'compiled' when Ajv compiles at run time. */
  readonly source: 'generated' | 'compiled';
  /** The route's fastify schema ({ params, querystring, body }, those it has): the ones validated. */
  routeSchema(operationId: string): JsonObject;
  for(key: string): Validate;
}

/**
 * A validator compiled when it first validates: compiling every route's schemas at boot cost 40 ms of
 * each start. test/contract/schemas.test.ts compiles each one, so a broken schema still fails CI.
 */
function compileOnFirstUse(compile: () => Validate): Validate {
  let compiled: Validate | undefined;
  const validate: Validate = (data: unknown): boolean => {
    compiled ??= compile();
    const ok = compiled(data);
    validate.errors = compiled.errors;
    return ok;
  };
  validate.errors = null;
  return validate;
}

interface GeneratedModule {
  digest: string;
  validators: Record<string, Validate>;
}

function readGenerated(path: string): GeneratedModule | null {
  try {
    return createRequire(import.meta.url)(path) as GeneratedModule;
  } catch {
    return null; // not generated yet: Ajv compiles every schema
  }
}

/** The validators for these route schemas: the generated ones when they were made from exactly these. */
export async function routeValidators(schemas: RouteSchema[], generatedPath = GENERATED_VALIDATORS): Promise<RouteValidators> {
  const generated = readGenerated(generatedPath);
  const byKey = new Map(schemas.map((s) => [s.key, s]));
  const byOperation = new Map<string, JsonObject>();
  for (const s of schemas) {
    const route = byOperation.get(s.operationId) ?? {};
    route[s.part] = s.schema;
    byOperation.set(s.operationId, route);
  }
  const routeSchema = (operationId: string): JsonObject => byOperation.get(operationId) ?? {};
  const missing = (key: string) => new Error(`no route schema ${key}`);
  if (generated && generated.digest === schemasDigest(schemas)) {
    return {
      source: 'generated',
      routeSchema,
      for(key) {
        const validate = generated.validators[key];
        if (!validate) throw missing(key);
        return validate;
      },
    };
  }
  const { createAjv } = await import('./ajv.js');
  const ajv: Record<'coerced' | 'exact', Ajv2020 | undefined> = { coerced: undefined, exact: undefined };
  return {
    source: 'compiled',
    routeSchema,
    for(key) {
      const s = byKey.get(key);
      if (!s) throw missing(key);
      return compileOnFirstUse(() => {
        const which = s.coerce ? 'coerced' : 'exact';
        ajv[which] ??= createAjv(s.coerce, false);
        return ajv[which].compile(s.schema) as Validate;
      });
    },
  };
}
