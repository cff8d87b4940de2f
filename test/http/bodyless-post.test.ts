// A POST whose operation takes no body may arrive with an empty body under any Content-Type (Pact
// verifiers send text/plain): it is answered as if no Content-Type were given. A non-empty body of
// another type is still a 415, and an operation that needs a body still says which field is missing.
import { describe, expect, it } from 'vitest';
import { basicAuth, startTestSim } from '../helpers/sim.js';

describe('body-less POSTs', () => {
  it('a reset of one merchant sent as an empty text/plain body is answered 200', async () => {
    const sim = await startTestSim();
    const res = await sim.inject({
      method: 'POST',
      url: `/_sim/merchants/${sim.sandbox.id}/reset`,
      headers: { 'content-type': 'text/plain', 'content-length': '0' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ merchantId: sim.sandbox.id });
  });

  it('a non-empty text/plain body is still refused with a 415', async () => {
    const sim = await startTestSim();
    const res = await sim.inject({
      method: 'POST',
      url: `/_sim/merchants/${sim.sandbox.id}/callback-settings`,
      headers: { 'content-type': 'text/plain' },
      payload: 'duplicates=true',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().data.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('an empty text/plain body where the operation needs one is a 400 naming the body', async () => {
    const sim = await startTestSim();
    const res = await sim.inject({
      method: 'POST',
      url: `/api/payments/${sim.sandbox.tokenId}/pay`,
      headers: { 'content-type': 'text/plain', 'content-length': '0', authorization: basicAuth(sim.sandbox) },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().data.errors?.[0]?.field).toMatch(/^body/);
  });
});
