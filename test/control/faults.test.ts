// Faults per merchant: latency (fixed or a seeded range), an HTTP error for the next N calls, a dropped
// connection, and commit-then-fail, where the change is stored although the caller is told it failed.
import { describe, expect, it } from 'vitest';
import { addFault, journal } from '../helpers/control.js';
import { basicAuth, createIntent, intentBody, processMobile, startTestSim, status, storeSnapshot, until, type Merchant, type TestSim } from '../helpers/sim.js';

function create(sim: TestSim, m: Merchant, key: string) {
  return sim.inject({
    method: 'POST',
    url: `/api/payments/${m.tokenId}/pay`,
    headers: { authorization: basicAuth(m), 'content-type': 'application/json' },
    payload: intentBody({ key }),
  });
}

/** The error an in-process call meets when the simulator closes the connection without answering. */
async function dropped(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
  throw new Error('the call was answered; it should have been dropped');
}

describe('faults', () => {
  it('an error for the next 2 calls of one operation: 503s that change nothing, then the call goes through', async () => {
    const sim = await startTestSim();
    const m = sim.sandbox;
    const made = await addFault(sim, m, { type: 'error', operation: 'createIntent', status: 503, count: 2 });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ type: 'error', operation: 'createIntent', status: 503, remaining: 2 });
    const before = storeSnapshot(sim).intents;

    for (const left of [1, 0]) {
      const res = await create(sim, m, 'F1');
      expect(res.statusCode).toBe(503);
      expect(res.headers['x-sim-fault']).toBe('error 503');
      expect(res.json().data).toMatchObject({ code: 'SIMULATED_FAULT' });
      expect(res.json().data.message).toContain(`(${left} more to come)`);
    }
    expect(storeSnapshot(sim).intents).toEqual(before);
    // Another operation, and another merchant, were never affected.
    expect((await status(sim, m, 'NOPE')).statusCode).toBe(404);
    expect((await create(sim, sim.sandbox2, 'F1')).statusCode).toBe(200);

    const third = await create(sim, m, 'F1');
    expect(third.statusCode).toBe(200);
    expect(third.headers['x-sim-fault']).toBeUndefined();
    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${m.id}/faults` })).json()).toEqual({ merchantId: m.id, faults: [] });
  });

  it('a dropped connection: no answer, nothing done, and the journal says so', async () => {
    const sim = await startTestSim();
    const { reference } = await createIntent(sim, sim.sandbox);
    await addFault(sim, sim.sandbox, { type: 'drop', operation: 'processPayment' });
    // A /pay/{reference} call belongs to the intent's merchant.
    expect(await dropped(processMobile(sim, reference, 'MPESA', '254712345678'))).toBe('LIGHT_ECONNRESET');
    expect((await status(sim, sim.sandbox, reference)).json().data.attempts).toEqual([]);
    const last = (await journal(sim, sim.sandbox)).requests.find((r) => r.operationId === 'processPayment');
    expect(last).toMatchObject({ operationId: 'processPayment', status: 0, fault: 'drop', responseBody: null });
    // Used up: the retry goes through.
    expect((await processMobile(sim, reference, 'MPESA', '254712345678')).json().data.status).toBe('PENDING');
  });

  it('commit then fail: the caller gets a 500, the status endpoint shows the stored change, and a retry sees it', async () => {
    const sim = await startTestSim();
    const m = sim.sandbox;
    const { reference } = await createIntent(sim, m);
    await addFault(sim, m, { type: 'commit_then_fail', operation: 'processPayment' });

    const failed = await processMobile(sim, reference, 'MPESA', '254712345678');
    expect(failed.statusCode).toBe(500);
    expect(failed.headers['x-sim-fault']).toBe('commit_then_fail error');
    expect(failed.json().data.code).toBe('SIMULATED_FAULT');

    const after = (await status(sim, m, reference)).json().data;
    expect(after).toMatchObject({ status: 'PENDING', payment: { provider: 'MPESA' }, attempts: [{ status: 'PENDING', provider: 'MPESA' }] });
    // The integrator's blind retry meets the attempt it did not know it had started.
    expect((await processMobile(sim, reference, 'MPESA', '254712345678')).json().data.code).toBe('PAYMENT_IN_PROGRESS');
  });

  it('commit then drop: the intent exists although the connection closed, and a retry with the same key finds it', async () => {
    const sim = await startTestSim();
    const m = sim.sandbox;
    await addFault(sim, m, { type: 'commit_then_fail', operation: 'createIntent', respond: 'drop' });
    expect(await dropped(create(sim, m, 'CTF1'))).toBe('LIGHT_ECONNRESET');
    const stored = (await status(sim, m, 'CTF1')).json().data;
    expect(stored).toMatchObject({ key: 'CTF1', status: 'PENDING' });
    const retry = await create(sim, m, 'CTF1');
    expect(retry.statusCode).toBe(200);
    expect(retry.json().data.reference).toBe(stored.reference);
  });

  it('commit then fail only uses itself up on a success: a refused call leaves it armed', async () => {
    const sim = await startTestSim();
    await addFault(sim, sim.sandbox, { type: 'commit_then_fail', operation: 'getPaymentStatus' });
    expect((await status(sim, sim.sandbox, 'NOPE')).statusCode).toBe(404);
    const { reference } = await createIntent(sim, sim.sandbox);
    expect((await status(sim, sim.sandbox, reference)).statusCode).toBe(500);
    expect((await status(sim, sim.sandbox, reference)).statusCode).toBe(200);
  });

  it('latency: fixed, and a range drawn from the seed, so a run repeats exactly', async () => {
    const run = async (seed: string) => {
      const waits: number[] = [];
      const sim = await startTestSim({ seed }, { sleep: async (ms) => void waits.push(ms) });
      await addFault(sim, sim.sandbox, { type: 'latency', operation: 'getPaymentStatus', ms: 100, maxMs: 900 });
      const headers: string[] = [];
      for (let i = 0; i < 6; i++) headers.push(String((await status(sim, sim.sandbox, 'NOPE')).headers['x-sim-fault']));
      expect(headers).toEqual(waits.map((ms) => `latency ${ms}ms`));
      await sim.close();
      return waits;
    };
    const first = await run('latency-seed');
    expect(first).toHaveLength(6);
    for (const ms of first) (expect(ms).toBeGreaterThanOrEqual(100), expect(ms).toBeLessThanOrEqual(900));
    expect(new Set(first).size).toBeGreaterThan(1);
    expect(await run('latency-seed')).toEqual(first);
    expect(await run('another-seed')).not.toEqual(first);

    const waits: number[] = [];
    const sim = await startTestSim({}, { sleep: async (ms) => void waits.push(ms) });
    await addFault(sim, sim.sandbox, { type: 'latency', ms: 250, count: 2 });
    for (let i = 0; i < 3; i++) await status(sim, sim.sandbox, 'NOPE');
    expect(waits).toEqual([250, 250]);
  });

  it('latency and an error together: the error comes after the wait', async () => {
    const waits: number[] = [];
    const sim = await startTestSim({}, { sleep: async (ms) => void waits.push(ms) });
    await addFault(sim, sim.sandbox, { type: 'latency', ms: 40 });
    await addFault(sim, sim.sandbox, { type: 'error', status: 429 });
    const res = await status(sim, sim.sandbox, 'NOPE');
    expect(res.statusCode).toBe(429);
    expect(res.headers['x-sim-fault']).toBe('latency 40ms, error 429');
    expect(waits).toEqual([40]);
  });

  it.each([
    [{ type: 'error', operation: 'payEverything' }, 'UNKNOWN_OPERATION', 'body.operation'],
    [{ type: 'latency', ms: 500, maxMs: 100 }, 'VALIDATION_ERROR', 'body.maxMs'],
    [{ type: 'latency' }, 'VALIDATION_ERROR', 'body.ms'],
    [{ type: 'error', status: 302 }, 'VALIDATION_ERROR', 'body.status'],
    [{ type: 'flood' }, 'VALIDATION_ERROR', 'body.type'],
    [{ type: 'drop', count: 0 }, 'VALIDATION_ERROR', 'body.count'],
  ])('refuses %j with 400 %s naming %s, and changes nothing', async (body, code, field) => {
    const sim = await startTestSim();
    const before = storeSnapshot(sim);
    const res = await addFault(sim, sim.sandbox, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().data).toMatchObject({ code, errors: [expect.objectContaining({ field })] });
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it('lists the faults still on, and DELETE switches them all off', async () => {
    const sim = await startTestSim();
    await addFault(sim, sim.sandbox, { type: 'latency', ms: 5 });
    await addFault(sim, sim.sandbox, { type: 'drop', count: 3 });
    const listed = (await sim.inject({ method: 'GET', url: `/_sim/merchants/${sim.sandbox.id}/faults` })).json().faults;
    expect(listed).toMatchObject([
      { type: 'latency', operation: 'any', ms: 5, remaining: null },
      { type: 'drop', operation: 'any', remaining: 3 },
    ]);
    expect((await sim.inject({ method: 'DELETE', url: `/_sim/merchants/${sim.sandbox.id}/faults` })).json().faults).toEqual([]);
    expect((await status(sim, sim.sandbox, 'NOPE')).statusCode).toBe(404);
  });
});

describe('a latency fault and a stop', () => {
  it('a stop cuts a long latency short: the call is answered and the simulator closes, instead of waiting 120 s', async () => {
    // No sleep given: the real one, as the command and the library use it.
    const sim = await startTestSim();
    const m = sim.sandbox;
    await addFault(sim, m, { type: 'latency', ms: 120_000, count: 1 });
    const call = status(sim, m, 'NOPE');
    // The fault is used up (stored) just before its wait begins.
    await until(() => (sim.app.sim.ctx.store.get('controls', m.id)?.faults ?? []).length === 0);
    await sim.close();
    const res = await call;
    expect(res.headers['x-sim-fault']).toBe('latency 120000ms');
    expect(res.statusCode).toBe(404);
  });
});
