// Pending refunds across a restart on the same lowdb data folder (docs/decisions/0080): each keeps the
// outcome it was given when asked for, so after the restart the one that fails later still fails (and is
// called back), the held one still completes a day on, and a queued REFUNDS outcome is still queued.
import { describe, expect, it } from 'vitest';
import { advanceClock, queueOutcomes } from '../helpers/control.js';
import { paidIntent, refund, startTestSim, status } from '../helpers/sim.js';
import { tempDir } from '../helpers/temp-dirs.js';

describe('refund outcomes on the persisted store', () => {
  it('survive a restart: a pending refund finishes as its outcome says, and the queue is kept', async () => {
    const dataDir = await tempDir('littlepay-sim-refunds-');
    const first = await startTestSim({ memory: false, dataDir });
    await paidIntent(first, first.sandbox, { key: 'KEEP1', amount: 2000 });
    expect((await refund(first, first.sandbox, 'KEEP1', { amount: 902, callbackUrl: 'https://merchant.example/refunds' })).json().data.status).toBe('PENDING');
    expect((await refund(first, first.sandbox, 'KEEP1', { amount: 903 })).json().data.status).toBe('PENDING');
    await queueOutcomes(first, first.sandbox, { provider: 'REFUNDS', outcomes: ['refund_declined'] });
    await first.close();

    const second = await startTestSim({ memory: false, dataDir });
    const m = second.sandbox;
    const refunds = () => status(second, m, 'KEEP1').then((r) => r.json().data.refunds.map((x: { status: string }) => x.status));
    // The new manual clock starts where the first one did, before the first's PIN delay. The /_sim advance
    // answers once what it set off (the refund, its durable commit and its callback) is done.
    const due = second.config.pinDelayMs + second.config.refundDelayMs;
    await advanceClock(second, m, `${due - 1}ms`);
    expect(await refunds()).toEqual(['PENDING', 'PENDING']);
    await advanceClock(second, m, '1ms');
    expect(await refunds()).toEqual(['FAILED', 'PENDING']);
    expect(second.sent.filter((s) => s.url === 'https://merchant.example/refunds').map((s) => s.body)).toEqual([
      expect.objectContaining({ status: 'FAILED', amount: 902 }),
    ]);
    await advanceClock(second, m, '1d');
    expect(await refunds()).toEqual(['FAILED', 'COMPLETED']);
    expect((await refund(second, m, 'KEEP1', { amount: 1 })).json().data.status).toBe('FAILED');
  });
});
