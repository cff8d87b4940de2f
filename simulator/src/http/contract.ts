// Reads the OpenAPI contracts once at boot and resolves every $ref (local and across the two files),
// so route schemas can be handed to Ajv as plain JSON Schema.
import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONTRACTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../contracts');
/** The contracts already parsed, with the SHA-256 of the YAML each was parsed from (`npm run generate`). */
export const PARSED_CONTRACTS = resolve(dirname(fileURLToPath(import.meta.url)), '../generated/contracts.json');

export type ParsedContracts = Record<string, { sha256: string; doc: JsonObject }>;

/**
 * A contract as a JSON object. Loading the YAML parser and parsing cost about 100 ms of every start, so
 * the copy parsed by `npm run generate` is used while the YAML is unchanged (same SHA-256); an edited
 * contract is parsed from its YAML, so the simulator never serves a stale one.
 */
function loadContract(path: string, parsed: ParsedContracts | null): JsonObject {
  const text = readFileSync(path, 'utf8');
  const entry = parsed?.[path.slice(path.lastIndexOf('/') + 1)];
  if (entry && entry.sha256 === sha256(text)) return entry.doc;
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return parse(text) as JsonObject;
}

export const sha256 = (text: string): string => hash('sha256', text, 'hex');

function readParsed(): ParsedContracts | null {
  try {
    return JSON.parse(readFileSync(PARSED_CONTRACTS, 'utf8')) as ParsedContracts;
  } catch {
    return null; // not generated yet: every contract is parsed from its YAML
  }
}

export type JsonObject = Record<string, unknown>;

export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'DELETE';
  path: string; // OpenAPI form: /pay/{reference}/process
  contract: string; // file name
  security: string[]; // scheme names
  parameters: JsonObject[];
  requestSchema?: JsonObject;
  responses: Record<string, { schema?: JsonObject; contentType?: string }>;
}

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function pointer(doc: unknown, ptr: string): unknown {
  let node = doc;
  for (const raw of ptr
    .replace(/^#?\/?/, '')
    .split('/')
    .filter(Boolean)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as JsonObject | undefined)?.[part];
    if (node === undefined) throw new Error(`unresolvable $ref pointer ${ptr}`);
  }
  return node;
}

export class ContractSet {
  private readonly docs = new Map<string, JsonObject>();
  private parsed: ParsedContracts | null | undefined;
  /** Each $ref target resolved once: the contracts point at the same few schemas hundreds of times. */
  private readonly resolved = new Map<string, JsonObject>();

  constructor(private readonly dir = CONTRACTS_DIR) {}

  doc(file: string): JsonObject {
    let doc = this.docs.get(file);
    if (!doc) {
      if (this.parsed === undefined) this.parsed = readParsed();
      doc = loadContract(resolve(this.dir, file), this.parsed);
      this.docs.set(file, doc);
    }
    return doc;
  }

  /**
   * The value with every $ref replaced by a copy of its target (siblings of a $ref override it). A target is
   * resolved once and its inner objects are shared by every $ref to it: nothing downstream changes a schema.
   */
  deref(value: unknown, file: string, depth = 0): unknown {
    if (depth > 64) throw new Error(`$ref nesting too deep in ${file} (a cycle?)`);
    if (Array.isArray(value)) return value.map((v) => this.deref(v, file, depth + 1));
    if (!value || typeof value !== 'object') return value;
    const obj = value as JsonObject;
    if (typeof obj.$ref === 'string') {
      const [target = '', ptr = ''] = obj.$ref.split('#');
      const targetFile = target === '' ? file : target.replace(/^\.\//, '');
      const key = `${targetFile}#${ptr}`;
      let resolved = this.resolved.get(key);
      if (!resolved) {
        resolved = this.deref(pointer(this.doc(targetFile), ptr), targetFile, depth + 1) as JsonObject;
        this.resolved.set(key, resolved);
      }
      const { $ref: _ignored, ...siblings } = obj;
      return { ...resolved, ...(this.deref(siblings, file, depth + 1) as JsonObject) };
    }
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(obj)) out[k] = this.deref(v, file, depth + 1);
    return out;
  }

  operations(file: string): Operation[] {
    const doc = this.doc(file);
    const ops: Operation[] = [];
    for (const [path, rawItem] of Object.entries((doc.paths ?? {}) as JsonObject)) {
      const item = this.deref(rawItem, file) as JsonObject;
      const shared = (item.parameters ?? []) as JsonObject[];
      for (const method of HTTP_METHODS) {
        const op = item[method] as JsonObject | undefined;
        if (!op) continue;
        const security = ((op.security ?? doc.security ?? []) as JsonObject[]).flatMap((s) => Object.keys(s));
        const content = ((op.requestBody as JsonObject | undefined)?.content ?? {}) as JsonObject;
        const json = content['application/json'] as JsonObject | undefined;
        const responses: Operation['responses'] = {};
        for (const [code, res] of Object.entries((op.responses ?? {}) as JsonObject)) {
          const resContent = ((res as JsonObject).content ?? {}) as JsonObject;
          const [contentType, media] = Object.entries(resContent)[0] ?? [];
          responses[code] = { schema: (media as JsonObject | undefined)?.schema as JsonObject | undefined, contentType };
        }
        ops.push({
          operationId: String(op.operationId),
          method: method.toUpperCase() as Operation['method'],
          path,
          contract: file,
          security,
          parameters: [...shared, ...((op.parameters ?? []) as JsonObject[])],
          requestSchema: json?.schema as JsonObject | undefined,
          responses,
        });
      }
    }
    return ops;
  }
}

/** Converts an OpenAPI path (/pay/{reference}) to fastify's (/pay/:reference). */
export function fastifyPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}
