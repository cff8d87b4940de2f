// Ajv set for a gateway, not a web form: bodies are neither stripped nor coerced (path and query
// parameters are coerced from their string form), every error is collected, and each one is turned
// into { field, rule, message } with the contract's own hint (x-hint) where it gives one.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { ApiError, type FieldError } from '../domain/errors.js';
import type { JsonObject } from './contract.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/**
 * `checkSchemas: false` skips checking each schema against the JSON Schema 2020-12 meta-schema, whose
 * compilation cost 150 ms of every start (measured by the bench's cold start). The app does that: its
 * schemas are the contracts', which are linted in CI and checked against the meta-schema by the tests
 * (test/contract), which use the default.
 */
export function createAjv(coerce: boolean, checkSchemas = true): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    removeAdditional: false,
    coerceTypes: coerce,
    useDefaults: false,
    verbose: true,
    validateSchema: checkSchemas,
  });
  addFormats(ajv);
  // OpenAPI annotations that are not JSON Schema keywords.
  for (const keyword of ['example', 'x-hint', 'xml', 'externalDocs']) ajv.addKeyword({ keyword, schemaType: keyword === 'x-hint' ? 'string' : undefined });
  return ajv;
}

/**
 * A validator compiled when it first validates: compiling every route's schemas at boot cost 40 ms of
 * each start (fastify compiles at ready). test/contract/schemas.test.ts compiles each one, so a broken
 * schema still fails CI; the first request of a route pays a few milliseconds once.
 */
export function compileOnFirstUse(compile: () => ValidateFunction): (data: unknown) => boolean {
  let compiled: ValidateFunction | undefined;
  const validate = (data: unknown): boolean => {
    compiled ??= compile();
    const ok = compiled(data);
    validate.errors = compiled.errors;
    return ok;
  };
  validate.errors = null as ValidateFunction['errors'];
  return validate;
}

function fieldName(context: string, instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').filter(Boolean).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra !== undefined) parts.push(extra);
  return [context, ...parts].join('.');
}

function describe(err: ErrorObject, context: string): FieldError {
  const hint = (err.parentSchema as JsonObject | undefined)?.['x-hint'] as string | undefined;
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'required':
      return { field: fieldName(context, err.instancePath, String(p.missingProperty)), rule: 'required', message: 'is required' };
    case 'additionalProperties':
      // An object's x-hint says what it takes instead (the card objects: where a saved card goes).
      return { field: fieldName(context, err.instancePath, String(p.additionalProperty)), rule: 'additionalProperties', message: hint ? `is not allowed: ${hint}` : 'is not allowed' };
    case 'enum':
      return { field: fieldName(context, err.instancePath), rule: 'enum', message: `must be one of ${(p.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      return { field: fieldName(context, err.instancePath), rule: 'const', message: `must be ${JSON.stringify(p.allowedValue)}` };
    case 'pattern':
    case 'format':
      return { field: fieldName(context, err.instancePath), rule: err.keyword, message: hint ? `must be ${hint}` : err.message ?? 'is not valid' };
    default:
      return { field: fieldName(context, err.instancePath), rule: err.keyword, message: err.message ?? 'is not valid' };
  }
}

/** A branch's values for a tag property (its const or enum). */
function tagOf(branch: JsonObject, name: string): string[] | undefined {
  const tag = ((branch.properties as JsonObject | undefined)?.[name] ?? {}) as JsonObject;
  return (tag.enum as string[] | undefined) ?? (tag.const !== undefined ? [String(tag.const)] : undefined);
}

/** The property that tells a oneOf's branches apart: `type` (MPESA, ..., CARDS), or `action` in /_sim. */
function tagName(branches: JsonObject[]): string {
  const first = Object.keys((branches[0]?.properties ?? {}) as JsonObject);
  return first.find((name) => branches.every((b) => tagOf(b, name) !== undefined)) ?? 'type';
}

function tagValues(branches: JsonObject[], name: string): string[] {
  return branches.flatMap((b) => tagOf(b, name) ?? []);
}

/**
 * A failed oneOf reports the errors of every branch. Keep only the branch the caller meant: the one whose
 * tag (`type`, or `action`) matched. When no branch's tag matched, the tag itself is the error.
 */
function narrowOneOf(errors: ErrorObject[], context: string): ErrorObject[] | FieldError {
  const oneOf = errors.find((e) => e.keyword === 'oneOf');
  if (!oneOf) return errors;
  const prefix = `${oneOf.schemaPath}/`;
  const branchOf = (e: ErrorObject) => (e.schemaPath.startsWith(prefix) ? Number(e.schemaPath.slice(prefix.length).split('/')[0]) : -1);
  const branches = oneOf.schema as JsonObject[];
  const tag = tagName(branches);
  const tagPath = `${oneOf.instancePath}/${tag}`;
  const matching = branches
    .map((_, i) => i)
    .filter((i) => !errors.some((e) => branchOf(e) === i && (e.instancePath === tagPath || (e.keyword === 'required' && (e.params as { missingProperty?: string }).missingProperty === tag && e.instancePath === oneOf.instancePath))));
  if (matching.length !== 1) {
    return { field: fieldName(context, oneOf.instancePath, tag), rule: 'enum', message: `must be one of ${tagValues(branches, tag).join(', ')}` };
  }
  return errors.filter((e) => e !== oneOf && (branchOf(e) === matching[0] || branchOf(e) === -1));
}

/** Turns Ajv errors into the API's VALIDATION_ERROR, one entry per field, the first one in the message. */
export function validationError(allErrors: ErrorObject[], context: string): ApiError {
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  const narrowed = narrowOneOf(allErrors, context);
  const errors = Array.isArray(narrowed) ? narrowed : [];
  if (!Array.isArray(narrowed)) fields.push(narrowed);
  for (const err of errors) {
    if (err.keyword === 'oneOf' || err.keyword === 'if') continue;
    const f = describe(err, context);
    const id = `${f.field}\u0000${f.rule}`;
    if (seen.has(id)) continue;
    seen.add(id);
    fields.push(f);
  }
  if (fields.length === 0) fields.push({ field: context, rule: 'schema', message: 'does not match the contract' });
  // A property the contract explains the absence of says more than the required ones it displaced.
  const explained = fields.findIndex((f) => f.rule === 'additionalProperties' && f.message !== 'is not allowed');
  if (explained > 0) fields.unshift(...fields.splice(explained, 1));
  const first = fields[0]!;
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more: see data.errors)` : '';
  return new ApiError('VALIDATION_ERROR', `${first.field}: ${first.message}${more}`, fields);
}

export type Validator = ValidateFunction;
