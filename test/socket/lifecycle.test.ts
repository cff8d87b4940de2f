// Listening and stopping: port 0 gives a working checkoutUrl, and a stop with a long-polled request
// in flight answers it (PENDING) instead of hanging until the long-poll window closes.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../simulator/src/app.js';
import { defaultConfig } from '../../simulator/src/config.js';
import { createLittlePayClient, createSimClient, merchantClientOptions } from '../../client/src/index.js';
import { testKeys } from '../helpers/sim.js';

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function listening(overrides = {}) {
  const app = await buildApp({ config: defaultConfig({ port: 0, host: '127.0.0.1', publicUrl: 'http://localhost:0', ...overrides }), keys: testKeys() });
  apps.push(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const merchants = (await createSimClient({ baseUrl }).listMerchants()).data!.merchants;
  return { app, port, baseUrl, client: createLittlePayClient(merchantClientOptions(baseUrl, merchants[0]!)) };
}

describe('lifecycle over a socket', () => {
  it('follows the bound port when listening on port 0', async () => {
    const { app, port, client } = await listening();
    expect(app.sim.ctx.publicUrl()).toBe(`http://localhost:${port}`);
    const { data } = await client.createIntent({ amount: 10, description: 'x', callbackUrl: 'https://merchant.example/cb', key: 'PORT0' });
    expect(data!.data.checkoutUrl).toBe(`http://localhost:${port}/checkout/${data!.data.reference}`);
    const page = await fetch(data!.data.checkoutUrl.replace('localhost', '127.0.0.1'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('KES 10.00');
  });

  it('answers an in-flight long-poll with PENDING when stopped, and exits promptly', async () => {
    const { app, client } = await listening({ pinDelayMs: 600_000, longPollTimeoutMs: 600_000 });
    const { data } = await client.createIntent({ amount: 10, description: 'x', callbackUrl: 'https://merchant.example/cb', key: 'STOP1' });
    const reference = data!.data.reference;
    const held = client.processPayment(reference, { type: 'MPESA', payment: { mobile: '254712345678' } }, { longPoll: true });
    for (let i = 0; i < 200 && !app.sim.ctx.store.get('intents', reference)?.attempts.length; i++) await new Promise((r) => setTimeout(r, 5));
    await app.close();
    const answer = await held;
    expect(answer.data?.data.status).toBe('PENDING');
  });
});
