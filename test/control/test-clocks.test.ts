// A test clock per merchant: frozen, advanced or set through /_sim, driving the PIN delay, long polls,
// expiry, refunds and callback retries of that merchant only, and kept across a restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RETRY_SCHEDULE_MS, type Transport } from '../../simulator/src/callbacks/outbox.js';
import { SimClock } from '../../simulator/src/runtime/clock.js';
import { advanceClock, clock } from '../helpers/control.js';
import { createIntent, paidIntent, processMobile, refund, startTestSim, status, storeSnapshot, untilPendingAttempt } from '../helpers/sim.js';

const START = '2026-01-01T00:00:00.000Z';
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('a test clock per merchant', () => {
  it('two merchants, two clocks: advancing one expires its intent and leaves the other untouched', async () => {
    const sim = await startTestSim();
    const [a, b] = [sim.sandbox, sim.sandbox2];
    const mine = await createIntent(sim, a, { key: 'EXP1' });
    const theirs = await createIntent(sim, b, { key: 'EXP2' });

    const moved = await advanceClock(sim, a, '31m');
    expect(moved).toMatchObject({ now: '2026-01-01T00:31:00.000Z', leadMs: 31 * 60_000 });
    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${b.id}/clock` })).json()).toMatchObject({ now: START, leadMs: 0 });

    // At once, with no wait: the status reports it, and paying it is refused with its own code.
    expect((await status(sim, a, 'EXP1')).json().data).toMatchObject({ status: 'FAILED', expired: true, attempts: [] });
    const late = await processMobile(sim, mine.reference, 'MPESA', '254712345678');
    expect(late.statusCode).toBe(409);
    expect(late.json().data).toMatchObject({ code: 'INTENT_EXPIRED' });
    expect(late.json().data.message).toContain('expired at 2026-01-01T00:30:00.000Z');
    expect(late.json().date).toBe('2026-01-01T00:31:00.000Z'); // errors are dated on the merchant's clock too

    // The other merchant's intent, created at the same instant, is still payable.
    expect((await status(sim, b, 'EXP2')).json().data).toMatchObject({ status: 'PENDING', expired: false });
    expect((await processMobile(sim, theirs.reference, 'MPESA', '254712345678')).json().data.status).toBe('PENDING');
  });

  it('drives the PIN delay: the answer to the advance comes after the attempt finished and its callback went out', async () => {
    const sim = await startTestSim();
    const { reference } = await createIntent(sim, sim.sandbox);
    await processMobile(sim, reference, 'MPESA', '254712345678');
    await advanceClock(sim, sim.sandbox, '2999ms');
    expect((await status(sim, sim.sandbox, reference)).json().data.status).toBe('PENDING');
    await advanceClock(sim, sim.sandbox, '1ms');
    expect((await status(sim, sim.sandbox, reference)).json().data.status).toBe('COMPLETED');
    expect(sim.sent).toEqual([
      expect.objectContaining({ body: expect.objectContaining({ reference, status: 'COMPLETED', date: '2026-01-01T00:00:03.000Z' }) }),
    ]);
  });

  it('drives the long-poll window: the held answer is PENDING when the merchant clock passes it', async () => {
    const sim = await startTestSim();
    const { reference } = await createIntent(sim, sim.sandbox);
    const held = processMobile(sim, reference, 'MPESA', '254700000099', true); // slow_success
    await untilPendingAttempt(sim, reference);
    await advanceClock(sim, sim.sandbox, '30s');
    expect((await held).json().data).toMatchObject({ status: 'PENDING', meta: { providerReference: '' } });
  });

  it('drives refunds: a PENDING refund completes when the clock passes REFUND_DELAY_MS', async () => {
    const sim = await startTestSim();
    const reference = await paidIntent(sim, sim.sandbox);
    expect((await refund(sim, sim.sandbox, reference, { amount: 100 })).json().data.status).toBe('PENDING');
    await advanceClock(sim, sim.sandbox, '3s');
    expect((await status(sim, sim.sandbox, reference)).json().data.refunds).toEqual([expect.objectContaining({ amount: 100, status: 'COMPLETED' })]);
  });

  it('drives the callback retry schedule: one advance of a day makes every delivery at its own time', async () => {
    const refusing: Transport = async () => ({ statusCode: 500, text: 'down' });
    const sim = await startTestSim({}, { transport: refusing });
    const { reference } = await createIntent(sim, sim.sandbox);
    await processMobile(sim, reference, 'MPESA', '254712345678');
    await advanceClock(sim, sim.sandbox, '3s');
    await advanceClock(sim, sim.sandbox, '1d');
    const [cb] = (await sim.inject({ method: 'GET', url: `/_sim/callbacks?reference=${reference}` })).json().callbacks;
    expect(cb.state).toBe('failed');
    const expected = [0, ...RETRY_SCHEDULE_MS].map((_, i) => Date.parse('2026-01-01T00:00:03.000Z') + RETRY_SCHEDULE_MS.slice(0, i).reduce((x, y) => x + y, 0));
    expect(cb.deliveries.map((d: { at: string }) => Date.parse(d.at))).toEqual(expected);
  });

  it('freezes against a running simulator clock, and resumes from where it stood', async () => {
    const sim = await startTestSim({ clock: 'system' }, { clock: new SimClock('system') });
    const m = sim.sandbox;
    const frozen = (await clock(sim, m, { action: 'freeze' })).json();
    expect(frozen.frozen).toBe(true);
    const again = (await sim.inject({ method: 'GET', url: `/_sim/merchants/${m.id}/clock` })).json();
    expect(again.now).toBe(frozen.now);
    const set = (await clock(sim, m, { action: 'set', to: '2099-01-01T00:00:00.000Z' })).json();
    expect(set).toMatchObject({ now: '2099-01-01T00:00:00.000Z', frozen: true });
    const resumed = (await clock(sim, m, { action: 'resume' })).json();
    expect(resumed.frozen).toBe(false);
    expect(Date.parse(resumed.now)).toBeGreaterThanOrEqual(Date.parse('2099-01-01T00:00:00.000Z'));
    // The other merchants are still on the simulator's own time.
    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${sim.sandbox2.id}/clock` })).json()).toMatchObject({ frozen: false, leadMs: 0 });
  });

  it("follows the simulator's clock until it is frozen", async () => {
    const sim = await startTestSim();
    await clock(sim, sim.sandbox, { action: 'freeze' });
    await sim.advance(60_000);
    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${sim.sandbox.id}/clock` })).json().now).toBe(START);
    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${sim.sandbox2.id}/clock` })).json().now).toBe('2026-01-01T00:01:00.000Z');
  });

  it.each([
    [{ action: 'set', to: '2025-12-31T23:59:59.000Z' }, 409, 'CLOCK_BACKWARDS', 'body.to'],
    [{ action: 'advance', by: '31 minutes' }, 400, 'VALIDATION_ERROR', 'body.by'],
    [{ action: 'advance', by: '999999999d' }, 400, 'VALIDATION_ERROR', 'body.by'],
    [{ action: 'advance' }, 400, 'VALIDATION_ERROR', 'body.by'],
    [{ action: 'rewind' }, 400, 'VALIDATION_ERROR', 'body.action'],
    [{ action: 'set', to: 'tomorrow' }, 400, 'VALIDATION_ERROR', 'body.to'],
  ])('refuses %j with %i %s naming %s, and changes nothing', async (body, code, errorCode, field) => {
    const sim = await startTestSim();
    const before = storeSnapshot(sim);
    const res = await clock(sim, sim.sandbox, body);
    expect(res.statusCode).toBe(code);
    expect(res.json().data).toMatchObject({ code: errorCode, errors: [expect.objectContaining({ field })] });
    expect(storeSnapshot(sim)).toEqual(before);
    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${sim.sandbox.id}/clock` })).json().now).toBe(START);
  });

  it('keeps a merchant clock across a restart on the same data folder', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'littlepay-sim-clock-'));
    dirs.push(dataDir);
    const first = await startTestSim({ memory: false, dataDir });
    await clock(first, first.sandbox, { action: 'freeze' });
    await advanceClock(first, first.sandbox, '2h');
    await advanceClock(first, first.sandbox2, '5m');
    await first.close();

    const second = await startTestSim({ memory: false, dataDir });
    const a = (await second.inject({ method: 'GET', url: `/_sim/merchants/${second.sandbox.id}/clock` })).json();
    expect(a).toMatchObject({ now: '2026-01-01T02:00:00.000Z', frozen: true });
    const b = (await second.inject({ method: 'GET', url: `/_sim/merchants/${second.sandbox2.id}/clock` })).json();
    expect(b).toMatchObject({ now: '2026-01-01T00:05:00.000Z', leadMs: 5 * 60_000 });
  });
});
