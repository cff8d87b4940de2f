// typed-client.test.ts: the typed client on its own. It never throws on a 4xx: each call answers
// { data } or { error }, both typed from the contract.
import { afterAll, expect, it } from 'vitest';
import { createLittlePayClient } from 'littlepay-sim/client';
import { startSimulator } from 'littlepay-sim';

const sim = await startSimulator({ memory: true });
afterAll(() => sim.close());
const { clientId, clientSecret, tokenId, apiKey } = sim.merchants[0]!;
const lp = createLittlePayClient({ baseUrl: sim.url, clientId, clientSecret, tokenId, apiKey });

it('answers data for a success and error for a refusal', async () => {
  const { data } = await lp.createIntent({ amount: 1500, description: 'Order 1042', key: 'ORDER1042', callbackUrl: `${sim.url}/_sim/inbox/demo` });
  expect(data?.data.checkoutUrl).toBe(`${sim.url}/checkout/${data?.data.reference}`);

  const { error, response } = await lp.refund('ORDER1042', { amount: 500 }); // not paid yet
  expect(response.status).toBe(409);
  expect(error?.data).toMatchObject({ code: 'PAYMENT_NOT_COMPLETED' });
});
