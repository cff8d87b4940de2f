// What one side answered to one step: an HTTP answer (only the headers that matter, already reduced to what
// is compared, so no header value that could carry a secret is ever kept), a callback, a skip or a failure.

export type Observation =
  | { kind: 'answer'; status: number; headers: Record<string, string>; body: unknown }
  | { kind: 'callback'; body: unknown; signature: 'valid' | 'invalid' | 'missing' }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; reason: string };

/** The Origin a shop's page would send: the official client calls Little Pay from the browser. */
export const SHOP_ORIGIN = 'https://shop.example';

function listAllows(list: string | null, wanted: string): string {
  if (list === null) return 'absent';
  const allowed = list
    .toLowerCase()
    .split(',')
    .map((s) => s.trim());
  if (allowed.includes('*')) return `allows ${wanted}`;
  const missing = wanted.split(',').filter((w) => !allowed.includes(w.trim()));
  return missing.length ? `does not allow ${missing.join(',')}` : `allows ${wanted}`;
}

/** The headers that matter, each reduced to what both sides must agree on (docs/decisions/0101). */
export function headersThatMatter(request: Request, response: Response): Record<string, string> {
  const out: Record<string, string> = {};
  const type = response.headers.get('content-type');
  if (type !== null) out['content-type'] = type.split(';')[0]!.trim().toLowerCase();
  const origin = response.headers.get('access-control-allow-origin');
  if (origin !== null)
    out['access-control-allow-origin'] = origin === '*' ? '*' : origin === request.headers.get('origin') ? 'the request origin' : 'another origin';
  const method = request.headers.get('access-control-request-method');
  if (method !== null) out['access-control-allow-methods'] = listAllows(response.headers.get('access-control-allow-methods'), method.toLowerCase());
  const headers = request.headers.get('access-control-request-headers');
  if (headers !== null) out['access-control-allow-headers'] = listAllows(response.headers.get('access-control-allow-headers'), headers.toLowerCase());
  return out;
}

/** The body of an answer: its JSON, or for anything else a stand-in that says what came (never the text). */
export function bodyOf(text: string, contentType: string | undefined): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { notJson: contentType ?? 'no content type', length: text.length };
  }
}
