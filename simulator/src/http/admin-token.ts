// The optional admin token of the /_sim API (docs/decisions/0025). Unset, /_sim is open, as suits a laptop;
// set (SIM_ADMIN_TOKEN), every /_sim operation the contract marks with `adminToken` needs
// `Authorization: Bearer <token>`. The Little Pay API never looks at it.
import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../domain/errors.js';

export function adminTokenAuthenticator(token: string | undefined): (req: FastifyRequest) => undefined {
  const expected = token === undefined ? undefined : Buffer.from(token);
  return (req) => {
    if (expected === undefined) return undefined;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    const given = Buffer.from(match?.[1] ?? '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return undefined;
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
