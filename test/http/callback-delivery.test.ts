// Callback delivery as a production gateway does it, on the manual clock: retries at the scheduled times
// and no others, a configurable schedule, the per-merchant delivery log, replay, and the memory bound.
import { describe, expect, it } from 'vitest';
import { SimClock } from '../../simulator/src/runtime/clock.js';
import { RETRY_SCHEDULE_MS } from '../../simulator/src/callbacks/outbox.js';
import { merchantCallbacks, scriptedReceiver, signatureVerifies } from '../helpers/callbacks.js';
import { createIntent, paidIntent, startTestSim, testKeys } from '../helpers/sim.js';

const DAY = 86_400_000;

describe('retries', () => {
  it('gives a receiver that fails twice, then answers 200, exactly three attempts at the scheduled times', async () => {
    const clock = new SimClock('manual');
    const receiver = scriptedReceiver(
      () => clock.now(),
      (n) => (n < 2 ? 500 : 200),
    );
    const sim = await startTestSim({}, { clock, transport: receiver.transport });
    const reference = await paidIntent(sim, sim.sandbox);

    expect(receiver.calls).toHaveLength(1);
    const t0 = receiver.calls[0]!.at;
    await sim.advance(RETRY_SCHEDULE_MS[0]! - 1);
    expect(receiver.calls).toHaveLength(1);
    await sim.advance(1);
    expect(receiver.calls.map((c) => c.at)).toEqual([t0, t0 + 10_000]);
    await sim.advance(RETRY_SCHEDULE_MS[1]! - 1);
    expect(receiver.calls).toHaveLength(2);
    await sim.advance(1);
    expect(receiver.calls.map((c) => c.at)).toEqual([t0, t0 + 10_000, t0 + 40_000]);
    // Delivered: nothing more, however long we wait.
    await sim.advance(DAY);
    expect(receiver.calls).toHaveLength(3);

    // Same body each time, each signed afresh (the timestamp moves with the clock) and verifiable.
    for (const call of receiver.calls) {
      expect(call.raw).toBe(receiver.calls[0]!.raw);
      expect(signatureVerifies(testKeys().publicKeyPem, call.raw, call.headers)).toBe(true);
    }
    expect(receiver.calls.map((c) => Number(c.headers['x-littlepay-timestamp']))).toEqual([t0 / 1000, t0 / 1000 + 10, t0 / 1000 + 40]);

    const [cb] = await merchantCallbacks(sim, sim.sandbox.id, `?reference=${reference}`);
    expect(cb).toMatchObject({ state: 'delivered', origin: 'event', nextAttemptAt: null, reference });
    // Each attempt keeps the signature headers it was sent with (the console's timeline shows them).
    const sent = (i: number) => ({
      timestamp: receiver.calls[i]!.headers['x-littlepay-timestamp'],
      value: receiver.calls[i]!.headers['x-littlepay-signature'],
    });
    expect(cb!.deliveries).toEqual([
      { at: new Date(t0).toISOString(), ok: false, statusCode: 500, latencyMs: expect.any(Number), responseSnippet: 'answer 0: 500', signature: sent(0) },
      {
        at: new Date(t0 + 10_000).toISOString(),
        ok: false,
        statusCode: 500,
        latencyMs: expect.any(Number),
        responseSnippet: 'answer 1: 500',
        signature: sent(1),
      },
      {
        at: new Date(t0 + 40_000).toISOString(),
        ok: true,
        statusCode: 200,
        latencyMs: expect.any(Number),
        responseSnippet: 'answer 2: 200',
        signature: sent(2),
      },
    ]);
  });

  it('follows CALLBACK_RETRIES, records network errors, and marks the callback failed after the last retry', async () => {
    const clock = new SimClock('manual');
    const receiver = scriptedReceiver(
      () => clock.now(),
      (n) => (n === 1 ? Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } }) : 503),
    );
    const sim = await startTestSim({ callbackRetryScheduleMs: [1000, 5000] }, { clock, transport: receiver.transport });
    const reference = await paidIntent(sim, sim.sandbox);
    const t0 = receiver.calls[0]!.at;
    await sim.advance(1000);
    await sim.advance(4999);
    expect(receiver.calls).toHaveLength(2);
    await sim.advance(1);
    await sim.advance(DAY);
    expect(receiver.calls.map((c) => c.at)).toEqual([t0, t0 + 1000, t0 + 6000]);

    const [cb] = await merchantCallbacks(sim, sim.sandbox.id, `?reference=${reference}`);
    expect(cb!.state).toBe('failed');
    expect(cb!.nextAttemptAt).toBeNull();
    expect(cb!.deliveries.map((d) => d.statusCode ?? d.error)).toEqual([503, 'ECONNREFUSED', 503]);
    expect(await merchantCallbacks(sim, sim.sandbox.id, '?state=failed')).toEqual([cb]);
  });

  it('never retries with CALLBACK_RETRIES=none', async () => {
    const clock = new SimClock('manual');
    const receiver = scriptedReceiver(
      () => clock.now(),
      () => 500,
    );
    const sim = await startTestSim({ callbackRetryScheduleMs: [] }, { clock, transport: receiver.transport });
    await paidIntent(sim, sim.sandbox);
    await sim.advance(DAY);
    expect(receiver.calls).toHaveLength(1);
    expect((await merchantCallbacks(sim, sim.sandbox.id))[0]!.state).toBe('failed');
  });
});

describe('GET /_sim/merchants/{id}/callbacks', () => {
  it("lists one merchant's callbacks, newest first, filtered by state and reference", async () => {
    const clock = new SimClock('manual');
    const receiver = scriptedReceiver(
      () => clock.now(),
      (_n, url) => (url.includes('down') ? 503 : 200),
    );
    const sim = await startTestSim({}, { clock, transport: receiver.transport });
    const first = await paidIntent(sim, sim.sandbox, { key: 'A1' });
    const second = await paidIntent(sim, sim.sandbox, { key: 'A2', callbackUrl: 'https://down.example/cb' });
    const theirs = await paidIntent(sim, sim.sandbox2, { key: 'B1' });

    const mine = await merchantCallbacks(sim, sim.sandbox.id);
    expect(mine.map((c) => [c.reference, c.state])).toEqual([
      [second, 'pending'],
      [first, 'delivered'],
    ]);
    expect((await merchantCallbacks(sim, sim.sandbox.id, '?state=pending')).map((c) => c.reference)).toEqual([second]);
    expect((await merchantCallbacks(sim, sim.sandbox.id, `?reference=${first}`)).map((c) => c.reference)).toEqual([first]);
    // Another merchant's callbacks are not in the list, even asked for by reference.
    expect(await merchantCallbacks(sim, sim.sandbox.id, `?reference=${theirs}`)).toEqual([]);
    expect((await merchantCallbacks(sim, sim.sandbox2.id)).map((c) => c.reference)).toEqual([theirs]);
  });

  it('answers 404 MERCHANT_NOT_FOUND for an unknown merchant and 400 for an unknown state', async () => {
    const sim = await startTestSim();
    const unknown = await sim.inject({ method: 'GET', url: '/_sim/merchants/mer_nobody/callbacks' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().data).toMatchObject({ code: 'MERCHANT_NOT_FOUND', message: expect.stringContaining('mer_nobody') });
    const bad = await sim.inject({ method: 'GET', url: `/_sim/merchants/${sim.sandbox.id}/callbacks?state=lost` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().data.message).toContain('state');
  });
});

describe('POST /_sim/callbacks/{id}/replay', () => {
  it('sends a delivered callback again, freshly signed, as an entry of its own', async () => {
    const clock = new SimClock('manual');
    const receiver = scriptedReceiver(() => clock.now());
    const sim = await startTestSim({}, { clock, transport: receiver.transport });
    const reference = await paidIntent(sim, sim.sandbox);
    const [original] = await merchantCallbacks(sim, sim.sandbox.id);
    await sim.advance(60_000);

    const res = await sim.inject({ method: 'POST', url: `/_sim/callbacks/${original!.id}/replay` });
    expect(res.statusCode).toBe(202);
    const replay = res.json();
    expect(replay).toMatchObject({ origin: 'replay', originalId: original!.id, state: 'pending', reference, body: original!.body, deliveries: [] });
    expect(replay.id).not.toBe(original!.id);
    await sim.advance(0);

    expect(receiver.calls).toHaveLength(2);
    const [a, b] = receiver.calls;
    expect(b!.raw).toBe(a!.raw);
    expect(Number(b!.headers['x-littlepay-timestamp']) - Number(a!.headers['x-littlepay-timestamp'])).toBe(60);
    expect(signatureVerifies(testKeys().publicKeyPem, b!.raw, b!.headers)).toBe(true);
    const list = await merchantCallbacks(sim, sim.sandbox.id);
    expect(list.map((c) => [c.id, c.origin, c.state])).toEqual([
      [replay.id, 'replay', 'delivered'],
      [original!.id, 'event', 'delivered'],
    ]);
  });

  it('delivers a failed callback once the receiver is back, and retries the replay like any callback', async () => {
    const clock = new SimClock('manual');
    let up = false;
    const receiver = scriptedReceiver(
      () => clock.now(),
      () => (up ? 200 : 503),
    );
    const sim = await startTestSim({ callbackRetryScheduleMs: [1000] }, { clock, transport: receiver.transport });
    await paidIntent(sim, sim.sandbox);
    await sim.advance(1000);
    const [failed] = await merchantCallbacks(sim, sim.sandbox.id);
    expect(failed!.state).toBe('failed');

    const replay = (await sim.inject({ method: 'POST', url: `/_sim/callbacks/${failed!.id}/replay` })).json();
    await sim.advance(0);
    expect((await merchantCallbacks(sim, sim.sandbox.id))[0]).toMatchObject({ id: replay.id, state: 'pending', deliveries: [{ statusCode: 503 }] });
    up = true;
    await sim.advance(1000);
    const [done, original] = await merchantCallbacks(sim, sim.sandbox.id);
    expect(done).toMatchObject({ id: replay.id, state: 'delivered' });
    expect(done!.deliveries.map((d) => d.statusCode)).toEqual([503, 200]);
    // The original keeps its own history.
    expect(original).toMatchObject({ id: failed!.id, state: 'failed' });
  });

  it('answers 404 CALLBACK_NOT_FOUND for an unknown id, and queues nothing', async () => {
    const sim = await startTestSim();
    const res = await sim.inject({ method: 'POST', url: '/_sim/callbacks/cb_nothing/replay' });
    expect(res.statusCode).toBe(404);
    expect(res.json().data.code).toBe('CALLBACK_NOT_FOUND');
    expect(sim.app.sim.ctx.store.count('callbacks')).toBe(0);
  });
});

describe('the memory bound (CALLBACK_MEMORY_LIMIT)', () => {
  it('drops the oldest delivered callbacks from memory, never pending or failed ones', async () => {
    const clock = new SimClock('manual');
    const receiver = scriptedReceiver(
      () => clock.now(),
      (_n, url) => (url.includes('down') ? 503 : 200),
    );
    const sim = await startTestSim({ callbackMemoryLimit: 2 }, { clock, transport: receiver.transport });
    const down = await paidIntent(sim, sim.sandbox, { key: 'D1', callbackUrl: 'https://down.example/cb' });
    const delivered = [await paidIntent(sim, sim.sandbox, { key: 'K1' })];
    const firstId = (await merchantCallbacks(sim, sim.sandbox.id, `?reference=${delivered[0]}`))[0]!.id;
    for (const key of ['K2', 'K3', 'K4']) delivered.push(await paidIntent(sim, sim.sandbox, { key }));
    const pending = await createIntent(sim, sim.sandbox, { key: 'D2', callbackUrl: 'https://down.example/cb' });
    expect(pending.reference).toBeTruthy();

    const kept = await merchantCallbacks(sim, sim.sandbox.id);
    expect(kept.map((c) => [c.reference, c.state])).toEqual([
      [delivered[3], 'delivered'],
      [delivered[2], 'delivered'],
      [down, 'pending'],
    ]);
    // All four were delivered; a pruned one can no longer be replayed, and the message says why.
    expect(receiver.calls.filter((c) => c.url.includes('merchant.example')).map((c) => c.body.reference)).toEqual(delivered);
    const replay = await sim.inject({ method: 'POST', url: `/_sim/callbacks/${firstId}/replay` });
    expect(replay.statusCode).toBe(404);
    expect(replay.json().data.message).toContain('CALLBACK_MEMORY_LIMIT');
  });
});
