// The API reference at /docs (the Little Pay API) and /docs/simulator (the /_sim control API): pages
// rendered from the contracts by `npm run generate` (scripts/api-docs/), served as they are. They carry
// no script, and their policy lets them load nothing but their own stylesheet.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const API_DOCS_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../generated/api-docs.json');

const POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

interface ApiDocs {
  pages: Record<string, string>;
  css: string;
}

export function registerApiDocs(app: FastifyInstance): void {
  // Read on the first visit, not at start: a start that nobody reads the docs of pays nothing for them.
  let docs: Promise<ApiDocs> | undefined;
  const load = () => (docs ??= readFile(API_DOCS_FILE, 'utf8').then((text) => JSON.parse(text) as ApiDocs));
  const send = (reply: FastifyReply, type: string, body: string) =>
    reply
      .type(type)
      .header('content-security-policy', POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', 'no-cache')
      .send(body);
  const page = (name: string) => async (_req: unknown, reply: FastifyReply) => send(reply, 'text/html; charset=utf-8', (await load()).pages[name]!);
  app.get('/docs', page(''));
  app.get('/docs/', page(''));
  app.get('/docs/simulator', page('simulator'));
  app.get('/docs/reference.css', async (_req, reply) => send(reply, 'text/css; charset=utf-8', (await load()).css));
}
