// CORS on the Little Pay API and the pages (docs/decisions/0010): any origin, and preflights answered 204
// before credentials are checked (the browser sends none on a preflight). /_sim is not here: it has its
// own rules (control-plane-guard.ts, decision 0070), applied by a hook that runs before this one. One plain hook instead of @fastify/cors, whose
// general-purpose hook cost 3 µs of CPU on every request (measured by the bench): a tenth of a create.
import type { FastifyInstance } from 'fastify';
import { isControlPlane } from './control-plane-guard.js';

const PREFLIGHT = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, x-api-key, accept',
  'access-control-max-age': '600',
};

export function installCors(app: FastifyInstance): void {
  app.addHook('onRequest', (req, reply, done) => {
    if (isControlPlane(req)) {
      done();
      return;
    }
    if (req.method === 'OPTIONS') {
      void reply.code(204).headers(PREFLIGHT).send();
      return;
    }
    void reply.header('access-control-allow-origin', '*');
    done();
  });
  // So that the router knows OPTIONS on every path; the hook above answers before it is reached.
  app.options('*', async (_req, reply) => reply.code(204).headers(PREFLIGHT).send());
}
