// Turns Ajv's errors into the API's VALIDATION_ERROR: one { field, rule, message } per field, with the
// contract's own hint (x-hint) where it gives one. The validators themselves are in validators.ts.
import type { ErrorObject } from 'ajv/dist/2020.js';
import { ApiError, type FieldError } from '../domain/errors.js';
import type { JsonObject } from './contract.js';

function fieldName(context: string, instancePath: string, extra?: string): string {
  const parts = instancePath
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
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
      return {
        field: fieldName(context, err.instancePath, String(p.additionalProperty)),
        rule: 'additionalProperties',
        message: hint ? `is not allowed: ${hint}` : 'is not allowed',
      };
    case 'enum':
      return { field: fieldName(context, err.instancePath), rule: 'enum', message: `must be one of ${(p.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      return { field: fieldName(context, err.instancePath), rule: 'const', message: `must be ${JSON.stringify(p.allowedValue)}` };
    case 'pattern':
    case 'format':
      return { field: fieldName(context, err.instancePath), rule: err.keyword, message: hint ? `must be ${hint}` : (err.message ?? 'is not valid') };
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
    .filter(
      (i) =>
        !errors.some(
          (e) =>
            branchOf(e) === i &&
            (e.instancePath === tagPath ||
              (e.keyword === 'required' && (e.params as { missingProperty?: string }).missingProperty === tag && e.instancePath === oneOf.instancePath)),
        ),
    );
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
