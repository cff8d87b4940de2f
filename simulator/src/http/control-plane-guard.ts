// The fence around /_sim (docs/decisions/0070, 0071). /_sim hands out every merchant's credentials and can
// reset, fault or time-travel the simulator, so unlike the Little Pay API (which carries its own
// credentials and stays open to every origin, decision 0010) it must not be reachable by whatever web page
// a developer happens to have open:
// - Host: a DNS-rebinding page reaches 127.0.0.1 under its own name, so only names this simulator is
//   known by are answered (Vite's server.allowedHosts does the same for a dev server).
// - Cross-site requests: a form or fetch from another site may not change anything, whatever CORS says
//   (a form POST needs no preflight).
// - CORS: none, unless the operator lists the origins of pages that may call /_sim.
// One onRequest hook for every URL under /_sim, pages included, before any other hook.
import { isIP } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { ApiError } from '../domain/errors.js';
import { errorBody } from './errors.js';

export interface GuardDeps {
  config: Pick<Config, 'allowedHosts' | 'corsOrigins'>;
  /** PUBLIC_URL (with port 0, the port bound): its host is always allowed. */
  publicUrl(): string;
  now(req: FastifyRequest): number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SAME_SITE_FETCHES = new Set(['same-origin', 'none']);

const PREFLIGHT = {
  'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, accept',
  'access-control-max-age': '600',
};

/** Whether a request is for the control plane: by its route, or (a preflight, a 404) by its path. */
export function isControlPlane(req: FastifyRequest): boolean {
  const route = req.routeOptions.url;
  if (route !== undefined && route !== '*') return route === '/_sim' || route.startsWith('/_sim/');
  // The router decodes percent-escapes, so /%5Fsim/... reaches /_sim/... too.
  let path = req.url.split('?')[0]!;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape never routes anywhere.
  }
  return path === '/_sim' || path.startsWith('/_sim/');
}

/** The host name of a Host header ("[::1]:3000" → "::1"), lower-case, without a trailing dot; null when unparsable. */
function hostnameOf(hostHeader: string): string | null {
  try {
    const name = new URL(`http://${hostHeader}`).hostname.toLowerCase();
    return name.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  } catch {
    return null;
  }
}

/** Whether /_sim answers a request that names this host. */
function hostAllowed(hostname: string, allowed: Config['allowedHosts'], publicUrl: string): boolean {
  if (allowed === true || isIP(hostname) !== 0) return true;
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) return true;
  if (hostname === hostnameOf(new URL(publicUrl).host)) return true;
  return allowed.some((entry) => (entry.startsWith('.') ? hostname === entry.slice(1) || hostname.endsWith(entry) : hostname === entry));
}

function refuse(reply: FastifyReply, req: FastifyRequest, deps: GuardDeps, message: string): void {
  void reply.code(403).send(errorBody(new ApiError('FORBIDDEN', message), deps.now(req)));
}

/**
 * Whether a page origin is this simulator's own: PUBLIC_URL's, or the Host the request was sent to (the
 * scheme is not compared: behind a TLS proxy the page is https and the request arrives as http).
 */
function ownOrigin(origin: string, host: string | undefined, publicUrl: string): boolean {
  if (origin === new URL(publicUrl).origin) return true;
  try {
    return host !== undefined && new URL(origin).host === new URL(`http://${host}`).host;
  } catch {
    return false; // "null" (a sandboxed frame, a file) and anything else unparsable
  }
}

/** The reason to refuse a state-changing call made by a page of another site, or null. */
function crossSiteReason(req: FastifyRequest, listed: boolean, publicUrl: string): string | null {
  if (SAFE_METHODS.has(req.method) || listed) return null;
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  if (typeof site === 'string' && !SAME_SITE_FETCHES.has(site)) return `a ${site} request from a web page`;
  if (typeof origin === 'string' && !ownOrigin(origin.toLowerCase(), req.headers.host, publicUrl)) return `a request from the page origin ${origin}`;
  return null;
}

function check(req: FastifyRequest, reply: FastifyReply, deps: GuardDeps): boolean {
  const host = req.headers.host;
  // Browsers always send Host; a client without one (HTTP/1.0) is not a web page.
  const hostname = host === undefined ? '' : hostnameOf(host);
  if (hostname === null || (hostname !== '' && !hostAllowed(hostname, deps.config.allowedHosts, deps.publicUrl()))) {
    refuse(
      reply,
      req,
      deps,
      `/_sim does not answer to the host "${host ?? ''}": add it to SIM_ALLOWED_HOSTS (comma-separated host names) if this simulator is reached under that name`,
    );
    return false;
  }
  const origin = req.headers.origin;
  const listed = typeof origin === 'string' && deps.config.corsOrigins.includes(origin.toLowerCase());
  const crossSite = crossSiteReason(req, listed, deps.publicUrl());
  if (crossSite) {
    refuse(
      reply,
      req,
      deps,
      `/_sim refused ${crossSite}: it changes state only for its own pages, tools without a browser, or origins listed in SIM_CORS_ORIGINS`,
    );
    return false;
  }
  if (req.method === 'OPTIONS') {
    // A preflight: allowed for a listed origin only; anything else gets no CORS headers, so the browser stops.
    if (listed)
      void reply
        .code(204)
        .headers({ ...PREFLIGHT, 'access-control-allow-origin': origin, vary: 'Origin' })
        .send();
    else void reply.code(204).header('allow', 'GET, POST, DELETE, OPTIONS').send();
    return false;
  }
  if (listed) void reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
  return true;
}

export function installControlPlaneGuard(app: FastifyInstance, deps: GuardDeps): void {
  // A callback hook: cheap for the Little Pay API's calls, which it lets through at the first test.
  app.addHook('onRequest', (req, reply, done) => {
    if (!isControlPlane(req) || check(req, reply, deps)) done();
  });
}
