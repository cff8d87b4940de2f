// A contract's JSON Schemas as the rows a reader scans: one row per field, nested fields by dotted path
// (`payment.mobile`, `attempts[].status`), with the type, the rules and the description. `$ref`s are
// followed inside the contract; a `oneOf` becomes alternatives, each with rows of its own.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Doc = { [key: string]: Json };
type Schema = { [key: string]: Json };

export interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  /** Enum, const, pattern, bounds, format: what a value must be. */
  rules: string[];
  description: string;
}

export interface SchemaView {
  /** The schema's own description, when it has one. */
  description: string;
  rows: FieldRow[];
  /** For a oneOf: each alternative, titled by its schema name. */
  alternatives: { title: string; view: SchemaView }[];
}

const MAX_DEPTH = 5;

function isObject(value: Json | undefined): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The other contracts a `$ref` may name by file (`./littlepay.openapi.yaml#/...`), by file name. */
const documents = new Map<string, Doc>();
export function registerDocument(file: string, doc: Doc): void {
  documents.set(file, doc);
}

/** A copy of a node of another contract whose local `$ref`s name that contract, so they resolve from anywhere. */
function absolute(node: Json | undefined, file: string): Json | undefined {
  if (Array.isArray(node)) return node.map((n) => absolute(n, file) as Json);
  if (!isObject(node)) return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `${file}${value}` : (absolute(value, file) as Json);
  }
  return out;
}

/** The node a `$ref` names (a JSON Pointer in this contract or another), and its schema name if it has one. */
export function resolve(doc: Doc, node: Json | undefined): { schema: Schema; name?: string } {
  let current: Json | undefined = node;
  let name: string | undefined;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 20; hops++) {
    const [file, pointer = ''] = current.$ref.split('#');
    const base = file ? documents.get(file.replace(/^\.\//, '')) : doc;
    const parts = pointer
      .replace(/^\//, '')
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (parts[0] === 'components' && parts[1] === 'schemas' && parts.length === 3) name = parts[2];
    let target: Json | undefined = base;
    for (const part of parts) target = isObject(target) ? target[part] : undefined;
    current = file ? absolute(target, file) : target;
  }
  return { schema: isObject(current) ? current : {}, ...(name ? { name } : {}) };
}

function typeOf(doc: Doc, schema: Schema): string {
  if (Array.isArray(schema.oneOf)) return schema.oneOf.map((alt) => typeOf(doc, resolve(doc, alt).schema)).join(' or ');
  const types = Array.isArray(schema.type) ? schema.type.map(String) : schema.type ? [String(schema.type)] : [];
  const named = types.filter((t) => t !== 'null');
  if (types.length > 0 && named.length === 0) return 'null';
  let type = named.join(' or ') || (schema.const !== undefined ? typeof schema.const : 'any');
  if (typeof schema.format === 'string') type += ` (${schema.format})`;
  if (types.includes('null')) type += ', or null';
  return type;
}

const BOUNDS: [string, string][] = [
  ['minimum', '≥'],
  ['exclusiveMinimum', '>'],
  ['maximum', '≤'],
  ['exclusiveMaximum', '<'],
  ['minLength', 'length ≥'],
  ['maxLength', 'length ≤'],
  ['minItems', 'items ≥'],
  ['maxItems', 'items ≤'],
];

function rulesOf(schema: Schema): string[] {
  const rules: string[] = [];
  if (schema.const !== undefined) rules.push(`always ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum)) rules.push(`one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  if (typeof schema.pattern === 'string') rules.push(`matches ${schema.pattern}`);
  for (const [key, sign] of BOUNDS) if (typeof schema[key] === 'number') rules.push(`${sign} ${schema[key]}`);
  if (schema.default !== undefined) rules.push(`default ${JSON.stringify(schema.default)}`);
  if (typeof schema['x-hint'] === 'string') rules.push(schema['x-hint']);
  return rules;
}

function addRows(doc: Doc, schema: Schema, prefix: string, depth: number, rows: FieldRow[]): void {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  for (const [key, raw] of Object.entries(properties)) {
    const { schema: field } = resolve(doc, raw);
    const path = prefix ? `${prefix}.${key}` : key;
    rows.push({ path, type: typeOf(doc, field), required: required.has(key), rules: rulesOf(field), description: String(field.description ?? '') });
    if (depth >= MAX_DEPTH) continue;
    if (isObject(field.properties)) addRows(doc, field, path, depth + 1, rows);
    const items = resolve(doc, field.items).schema;
    if (isObject(items.properties)) addRows(doc, items, `${path}[]`, depth + 1, rows);
  }
  if (isObject(schema.additionalProperties)) {
    const { schema: extra } = resolve(doc, schema.additionalProperties);
    rows.push({
      path: prefix ? `${prefix}.*` : '*',
      type: typeOf(doc, extra),
      required: false,
      rules: rulesOf(extra),
      description: String(extra.description ?? 'any other key'),
    });
  }
}

/** The rows of a schema (or of each alternative of a oneOf). */
export function schemaView(doc: Doc, node: Json | undefined, depth = 0): SchemaView {
  const { schema } = resolve(doc, node);
  const alternatives =
    Array.isArray(schema.oneOf) && depth < MAX_DEPTH
      ? schema.oneOf.map((alt, i) => {
          const { schema: s, name } = resolve(doc, alt);
          return { title: String(s.title ?? name ?? `Alternative ${i + 1}`), view: schemaView(doc, alt, depth + 1) };
        })
      : [];
  const rows: FieldRow[] = [];
  addRows(doc, schema, '', depth, rows);
  const items = resolve(doc, schema.items).schema;
  if (schema.type === 'array' && isObject(items.properties)) addRows(doc, items, '[]', depth + 1, rows);
  return { description: String(schema.description ?? ''), rows, alternatives };
}
