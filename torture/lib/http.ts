// A small HTTP client for the torture tests: every answer is read to the end and parsed when it is JSON;
// a connection that breaks (a killed server) is an answer of status 0.
export interface Answer {
  status: number;
  body: unknown;
  text: string;
}

export async function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  try {
    const res = await fetch(url, { method: init.method ?? 'GET', headers: init.headers, body: init.body, signal: AbortSignal.timeout(60_000) });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the caller looks at the text
    }
    return { status: res.status, body, text };
  } catch {
    return { status: 0, body: null, text: '' };
  }
}

export interface Credentials {
  clientId: string;
  clientSecret: string;
  tokenId: string;
  apiKey: string;
  environment: string;
}

export async function sandboxMerchant(baseUrl: string): Promise<Credentials> {
  const { body } = await call(`${baseUrl}/_sim/merchants`);
  const m = (body as { merchants: Credentials[] }).merchants.find((x) => x.environment === 'sandbox');
  if (!m) throw new Error('no sandbox merchant');
  return m;
}

export const basic = (m: Credentials): string => `Basic ${Buffer.from(`${m.clientId}:${m.clientSecret}`).toString('base64')}`;

/** mulberry32: a seeded generator, so that a failing run can be repeated with its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
