// The optional admin token of the /_sim API (docs/decisions/0025). Unset, /_sim is open, as suits a laptop;
// set (SIM_ADMIN_TOKEN), every /_sim operation the contract marks with `adminToken` needs
// `Authorization: Bearer <token>`, or the console's session cookie (set by its sign-in form, docs/decisions/0108).
// The Little Pay API never looks at either.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../domain/errors.js';

/** The console's session cookie: HttpOnly, SameSite=Strict, scoped to /_sim. */
export const SESSION_COOKIE = 'littlepay_sim_session';

/**
 * The session cookie's value for an admin token: derived from it (an HMAC), so the cookie never carries
 * the token itself, and changing SIM_ADMIN_TOKEN signs every browser out.
 */
export function sessionValue(token: string): string {
  return createHmac('sha256', token).update('littlepay-sim console session v1').digest('base64url');
}

/** The value of one cookie in a Cookie header, or undefined. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function same(given: string, expected: Buffer): boolean {
  const bytes = Buffer.from(given);
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}

/** Whether a request carries the console's session cookie for this token. */
export function hasSession(req: FastifyRequest, token: string | undefined): boolean {
  if (token === undefined) return true;
  const given = cookieValue(req.headers.cookie, SESSION_COOKIE);
  return given !== undefined && same(given, Buffer.from(sessionValue(token)));
}

export function adminTokenAuthenticator(token: string | undefined): (req: FastifyRequest) => undefined {
  const expected = token === undefined ? undefined : Buffer.from(token);
  return (req) => {
    if (expected === undefined) return undefined;
    // A browser signed in to the console calls /_sim with its cookie (same origin: the control plane's
    // guard refuses cross-site requests, and SameSite=Strict keeps other sites' requests from carrying it).
    if (req.headers.cookie !== undefined && hasSession(req, token)) return undefined;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (same(match?.[1] ?? '', expected)) return undefined;
    throw new ApiError(
      'UNAUTHORIZED',
      match ? "Wrong admin token: use this simulator's SIM_ADMIN_TOKEN" : "This simulator's /_sim API needs the header Authorization: Bearer <SIM_ADMIN_TOKEN>",
    );
  };
}

/** Whether an address the server listens on is reachable only from this machine. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  const v6 = host.replace(/^\[|\]$/g, '').toLowerCase();
  return v6 === '::1' || v6.startsWith('::ffff:127.');
}

/** The startup warning for a simulator that anyone on the network can control, or null when there is none to give. */
export function exposureWarning(host: string, token: string | undefined): string | null {
  if (token !== undefined || isLoopback(host)) return null;
  return `listening on ${host} without SIM_ADMIN_TOKEN: anyone who can reach this port can read every merchant's credentials and reset, fault or time-travel the simulator through /_sim; set SIM_ADMIN_TOKEN to require a bearer token there`;
}
