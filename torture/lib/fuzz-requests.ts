// Requests for every operation of the contracts: a body the schema accepts, then broken one way or
// another (wrong types, missing and extra fields, huge strings, deep nesting, bad JSON, bad UTF-8), sent
// with or without the right content type and credentials, to good and to bad path parameters.
import fc from 'fast-check';
import type { Operation } from '../../simulator/src/http/contract.js';
import { arbitraryFor } from './schema-arb.js';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** What was broken, for the report. */
  how: string;
}

/** Real values the simulator knows, so that requests reach past "not found". */
export interface Known {
  tokenId: string;
  authorization: string;
  apiKey: string;
  references: string[];
  keys: string[];
}

type Json = unknown;
const anyJson = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);

/** Paths to every value inside `v` ([] is the root). */
function paths(v: Json, at: string[] = [], out: string[][] = []): string[][] {
  out.push(at);
  if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) paths(c, [...at, k], out);
  return out;
}

function setAt(v: Json, at: string[], value: Json): Json {
  if (at.length === 0) return value;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string, Json>;
  copy[at[0]!] = setAt(copy[at[0]!], at.slice(1), value);
  return copy;
}

function dropAt(v: Json, at: string[]): Json {
  if (at.length === 0 || !v || typeof v !== 'object') return v;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string, Json>;
  if (at.length === 1) delete copy[at[0]!];
  else copy[at[0]!] = dropAt(copy[at[0]!], at.slice(1));
  return copy;
}

const pick = <T>(list: T[]) => fc.nat({ max: Math.max(0, list.length - 1) }).map((i) => list[i]!);

/** A body as bytes, from a valid value, broken or not. */
export function bodyArb(valid: fc.Arbitrary<Json>): fc.Arbitrary<{ body: Buffer; how: string }> {
  const json = (how: string) => (v: Json) => ({ body: Buffer.from(JSON.stringify(v) ?? 'null'), how });
  return valid.chain((v) => {
    const all = paths(v);
    const inner = all.filter((p) => p.length > 0);
    return fc.oneof(
      fc.constant(json('valid')(v)),
      fc.tuple(pick(all), anyJson).map(([at, x]) => json(`wrong type at ${at.join('.') || 'root'}`)(setAt(v, at, x))),
      inner.length ? pick(inner).map((at) => json(`missing ${at.join('.')}`)(dropAt(v, at))) : fc.constant(json('valid')(v)),
      fc.tuple(pick(all), fc.string({ maxLength: 12 }), anyJson).map(([at, k, x]) => json(`extra field at ${at.join('.') || 'root'}`)(setAt(v, [...at, k], x))),
      fc
        .tuple(pick(all), fc.integer({ min: 10_000, max: 1_200_000 }))
        .map(([at, n]) => json(`huge string (${n}) at ${at.join('.') || 'root'}`)(setAt(v, at, 'é'.repeat(n / 2)))),
      fc.tuple(fc.integer({ min: 20, max: 200_000 }), fc.boolean()).map(([n, arrays]) => ({
        body: Buffer.from(arrays ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
        how: `nested ${n} deep`,
      })),
      fc.nat().map((cut) => {
        const text = JSON.stringify(v) ?? '';
        return { body: Buffer.from(text.slice(0, cut % Math.max(1, text.length))), how: 'cut short' };
      }),
      fc
        .constantFrom(
          '{',
          '{"a":}',
          '[1,]',
          "{'a':1}",
          'NaN',
          '{"a":1}{"b":2}',
          '\u0000',
          'undefined',
          '{"__proto__":{"x":1}}',
          '{"constructor":{"prototype":{"x":1}}}',
        )
        .map((t) => ({ body: Buffer.from(t), how: `bad JSON ${JSON.stringify(t)}` })),
      fc.tuple(fc.nat(), fc.constantFrom([0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf0, 0x28, 0x8c, 0x28], [0x80])).map(([at, bytes]) => {
        const text = Buffer.from(JSON.stringify(v) ?? '""');
        const i = at % text.length;
        return { body: Buffer.concat([text.subarray(0, i), Buffer.from(bytes), text.subarray(i)]), how: 'bad UTF-8' };
      }),
      fc.constant({ body: Buffer.alloc(0), how: 'empty body' }),
    );
  });
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  '',
  'application/xml',
];

function paramArb(name: string, known: Known): fc.Arbitrary<string> {
  const good = name === 'tokenId' ? [known.tokenId] : name === 'key' ? [...known.keys, ...known.references] : name === 'name' ? ['fuzz'] : known.references;
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...good).map(encodeURIComponent) },
    fc
      .constantFrom(
        '%',
        '%zz',
        '%E0%A4%A',
        '%00',
        '..%2F..%2Fetc',
        'a'.repeat(3000),
        '%F0%9F%92%A9',
        '\u043a\u043b\u044e\u0447',
        ' ',
        '00000000-0000-0000-0000-000000000000',
      )
      .map((s) => (/^[\x20-\x7e%]*$/.test(s) ? s.replace(/ /g, '%20') : encodeURIComponent(s))),
    // "." and ".." (even as %2E) are dot segments a URL parser removes: /checkout/./state is sent as
    // /checkout/state, another route than the one being fuzzed, so they are not generated.
    fc
      .string({ maxLength: 80 })
      .filter((s) => !/^\.{1,2}$/.test(s))
      .map(encodeURIComponent),
  );
}

interface Auth {
  headers: Record<string, string>;
  how: string;
}

function authArb(op: Operation, known: Known): fc.Arbitrary<Auth> {
  const scheme = op.security[0];
  const good: Record<string, string> =
    scheme === 'basicAuth' ? { authorization: known.authorization } : scheme === 'apiKeyAuth' ? { 'x-api-key': known.apiKey } : {};
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant<Auth>({ headers: good, how: '' }) },
    fc.constant<Auth>({ headers: {}, how: 'no credentials' }),
    fc
      .constantFrom('Basic', 'Basic !!!', 'Basic ' + Buffer.from('nocolon').toString('base64'), 'Bearer x', 'Basic ' + 'A'.repeat(6000))
      .map((a): Auth => ({ headers: { authorization: a }, how: 'bad Authorization' })),
    fc
      .string({ maxLength: 60 })
      .filter((k) => /^[\x20-\x7e]*$/.test(k))
      .map((k): Auth => ({ headers: { 'x-api-key': k }, how: 'bad X-API-KEY' })),
  );
}

export function requestArb(op: Operation, known: Known): fc.Arbitrary<FuzzRequest> {
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const params = fc.tuple(...names.map((n) => paramArb(n, known)));
  const query = fc.constantFrom(
    '',
    '',
    '?longPoll=false',
    '?longPoll=maybe',
    '?longPoll=true&longPoll=false',
    '?merchantId=%zz',
    `?reference=${'x'.repeat(500)}`,
  );
  const body = op.requestSchema
    ? bodyArb(arbitraryFor(op.requestSchema)).map((b) => b as { body?: Buffer; how: string })
    : fc.constant({ how: '' } as { body?: Buffer; how: string });
  return fc.tuple(params, query, body, fc.constantFrom(...CONTENT_TYPES), authArb(op, known), fc.nat({ max: 9 })).map(([values, q, b, type, auth, dice]) => {
    let path = op.path;
    names.forEach((n, i) => (path = path.replace(`{${n}}`, values[i]!)));
    // Mostly the right content type; now and then any other, or none.
    const contentType = dice < 7 ? 'application/json' : type;
    const headers: Record<string, string> = { ...auth.headers, ...(b.body && contentType ? { 'content-type': contentType } : {}) };
    // Long polls would hold the request for the whole PIN delay: the fuzz asks without.
    const safeQuery = q.includes('longPoll=true') ? '' : q;
    return {
      method: op.method,
      path: `${path}${safeQuery}`,
      headers,
      ...(b.body ? { body: b.body } : {}),
      how:
        [b.how, auth.how, contentType !== 'application/json' && b.body ? `content-type ${JSON.stringify(contentType)}` : ''].filter(Boolean).join(', ') ||
        'valid',
    };
  });
}
