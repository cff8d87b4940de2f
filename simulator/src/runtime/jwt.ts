// The JWTs of the 3-D Secure steps (paToken.accessToken for device-data collection, enroll's
// accessToken for the challenge), signed RS256 with the simulator's own key, as Cardinal signs its
// own: anyone can check them with the public key at GET /_sim/keys/callback.pem.
import { createSign, createVerify, type KeyObject } from 'node:crypto';

const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');

export type JwtClaims = Record<string, unknown> & { jti: string; iat: number; exp: number; iss: string };

export function signJwt(claims: JwtClaims, privateKey: KeyObject): string {
  const head = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
  return `${head}.${createSign('SHA256').update(head).sign(privateKey, 'base64url')}`;
}

/** The claims of a JWT this simulator signed, or null for anything else (expiry is the caller's check, on its clock). */
export function verifyJwt(token: string, publicKeyPem: string): JwtClaims | null {
  if (typeof token !== 'string' || token.length > 8192) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  try {
    const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown };
    if (head.alg !== 'RS256') return null;
    const ok = createVerify('SHA256').update(`${header}.${payload}`).verify(publicKeyPem, signature, 'base64url');
    if (!ok) return null;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JwtClaims;
    return claims && typeof claims === 'object' && typeof claims.jti === 'string' && typeof claims.exp === 'number' ? claims : null;
  } catch {
    return null;
  }
}
