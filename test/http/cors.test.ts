// The official client calls create-intent and /pay/* from the browser (littlepay-api.md §11.1): every
// call is cross-origin and preflighted, create-intent with the Authorization header.
import { describe, expect, it } from 'vitest';
import { basicAuth, createIntent, intentBody, startTestSim } from '../helpers/sim.js';

describe('CORS for browser-side calls', () => {
  it.each([
    ['create intent', 'tokenId', 'authorization, content-type'],
    ['process', 'process', 'content-type'],
    ['cspaToken', 'cspaToken', 'content-type'],
    ['enroll', 'enroll', 'content-type'],
  ])('answers the preflight of %s', async (_label, which, requested) => {
    const sim = await startTestSim();
    const url = which === 'tokenId' ? `/api/payments/${sim.sandbox.tokenId}/pay` : `/pay/1cbfffbc-b365-45f6-9e5d-13e445c125cd/${which}`;
    const res = await sim.inject({
      method: 'OPTIONS',
      url,
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': requested },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(String(res.headers['access-control-allow-methods'])).toContain('POST');
    const allowed = String(res.headers['access-control-allow-headers']).toLowerCase();
    for (const h of requested.split(', ')) expect(allowed).toContain(h);
  });

  it('lets the browser read answers and errors of real calls', async () => {
    const sim = await startTestSim();
    const ok = await sim.inject({
      method: 'POST',
      url: `/api/payments/${sim.sandbox.tokenId}/pay`,
      headers: { origin: 'https://shop.example', authorization: basicAuth(sim.sandbox), 'content-type': 'application/json' },
      payload: intentBody(),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('*');
    const intent = await createIntent(sim, sim.sandbox, { key: 'OTHER1' });
    const bad = await sim.inject({
      method: 'POST',
      url: `/pay/${intent.reference}/process`,
      headers: { origin: 'https://shop.example', 'content-type': 'application/json' },
      payload: { type: 'MPESA', payment: { mobile: '+254712345678' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['access-control-allow-origin']).toBe('*');
    expect(bad.json().data.message).toContain('body.payment.mobile');
  });
});
