// A fetch that hands each request to app.inject(): the typed client and the scenario runner run
// in-process, with no socket.
import type { FastifyInstance } from 'fastify';

export function injectFetch(app: FastifyInstance): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const url = new URL(req.url);
    const payload = req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.from(await req.arrayBuffer());
    const requestHeaders: Record<string, string> = {};
    req.headers.forEach((value, name) => (requestHeaders[name] = value));
    const res = await app.inject({
      method: req.method as 'GET',
      url: url.pathname + url.search,
      headers: requestHeaders,
      ...(payload && payload.length > 0 ? { payload } : {}),
    });
    const headers = new Headers();
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : String(v));
    const empty = res.statusCode === 204 || res.statusCode === 304 || res.rawPayload.length === 0;
    return new Response(empty ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers });
  };
}
