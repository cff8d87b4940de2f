// A fetch that opens a new connection for every request. Each Pact interaction gets its own mock server
// on a random port; the OS can hand a port out again as soon as the previous mock server stops, and the
// built-in fetch would then reuse its kept-alive connection to the old server, whose reply the test would
// take for the new one (seen: "request was expected but not received"). No keep-alive, no such mix-up.
import { request } from 'node:http';

export const freshConnectionFetch: typeof fetch = async (input, init) => {
  const req = new Request(input, init);
  const body = req.body ? Buffer.from(await req.arrayBuffer()) : undefined;
  const headers: Record<string, string> = {};
  req.headers.forEach((value, name) => (headers[name] = value));
  return new Promise<Response>((resolve, reject) => {
    const out = request(req.url, { method: req.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const answer = new Headers();
        for (const [k, v] of Object.entries(res.headers)) for (const one of [v ?? []].flat()) answer.append(k, one);
        const status = res.statusCode ?? 500;
        resolve(new Response(chunks.length && status !== 204 ? Buffer.concat(chunks) : null, { status, headers: answer }));
      });
    });
    out.on('error', reject);
    out.end(body);
  });
};
