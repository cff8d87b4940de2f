// orders.test.ts: a fresh simulator for this file, on a free port, nothing on disk.
import { afterAll, beforeEach, expect, it } from 'vitest';
import { createSimClient, startSimulator } from 'littlepay-sim';

const sim = await startSimulator({ seed: 'orders', clock: 'manual', memory: true });
afterAll(() => sim.close());
beforeEach(() => sim.reset()); // every test starts from the demo merchants and nothing else

it('completes an M-Pesa payment once the shopper enters the PIN, and calls back signed', async () => {
  const lp = sim.client(sim.merchants[0]); // the typed client, with the first sandbox merchant's credentials
  const created = await lp.createIntent({
    amount: 1500,
    currency: 'KES',
    description: 'Order 1042',
    key: 'ORDER1042',
    callbackUrl: `${sim.url}/_sim/inbox/orders`, // the simulator's own inbox checks the signature
  });
  const reference = created.data!.data.reference;

  const started = await lp.processPayment(reference, { type: 'MPESA', payment: { mobile: '254712345678' } });
  expect(started.data?.data.status).toBe('PENDING');

  await sim.clock.advance(3_000); // the PIN delay: the payment completes and its callback is delivered

  const status = await lp.getPaymentStatus('ORDER1042');
  expect(status.data?.data.status).toBe('COMPLETED');
  const inbox = await createSimClient({ baseUrl: sim.url }).inbox('orders');
  expect(inbox.data?.messages).toMatchObject([{ signatureValid: true, body: { status: 'COMPLETED', key: 'ORDER1042' } }]);
});

it('fails a payment from the test number of an empty wallet', async () => {
  const lp = sim.client();
  const created = await lp.createIntent({ amount: 1500, description: 'Order 1042', key: 'ORDER1042', callbackUrl: `${sim.url}/_sim/inbox/orders` });

  await lp.processPayment(created.data!.data.reference, { type: 'MPESA', payment: { mobile: '254700000001' } });
  await sim.clock.advance(3_000);

  const status = await lp.getPaymentStatus('ORDER1042'); // the same key again: reset() forgot the first test's
  expect(status.data?.data).toMatchObject({ status: 'FAILED', attempts: [{ message: 'The balance is insufficient for the transaction.' }] });
});
