// Faults over a real connection (127.0.0.1 only): a dropped connection is a socket closed without an
// answer, as an integrator's HTTP client sees it, and commit-then-drop leaves the change stored.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createLittlePayClient, createSimClient, merchantClientOptions } from '../../client/src/index.js';
import { buildApp } from '../../simulator/src/app.js';
import { defaultConfig } from '../../simulator/src/config.js';
import { testKeys } from '../helpers/sim.js';

const HOST = '127.0.0.1';
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function listening() {
  const app = await buildApp({ config: defaultConfig({ port: 0, host: HOST, clock: 'manual' }), keys: testKeys() });
  apps.push(app);
  await app.listen({ port: 0, host: HOST });
  const baseUrl = `http://${HOST}:${(app.server.address() as AddressInfo).port}`;
  const sim = createSimClient({ baseUrl });
  const merchant = (await sim.listMerchants()).data!.merchants[0]!;
  return { sim, merchant, lp: createLittlePayClient(merchantClientOptions(baseUrl, merchant)) };
}

/** The network error a fetch meets when the server closes the connection without answering. */
async function networkError(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err) {
    const e = err as { cause?: { code?: string } };
    return e.cause?.code ?? String(err);
  }
  throw new Error('the call was answered; it should have been dropped');
}

const body = (key: string) => ({ amount: 100, description: 'Socket fault', callbackUrl: 'https://merchant.example/cb', key });

describe('faults over a socket', () => {
  it('drop: the client sees the connection closed, and nothing was done', async () => {
    const { sim, merchant, lp } = await listening();
    await sim.addFault(merchant.id, { type: 'drop', operation: 'createIntent' });
    expect(await networkError(lp.createIntent(body('SOCK1')))).toMatch(/UND_ERR_SOCKET|ECONNRESET/);
    expect((await lp.getPaymentStatus('SOCK1')).response.status).toBe(404);
    expect((await lp.createIntent(body('SOCK1'))).response.status).toBe(200);
  });

  it('commit then drop: the connection closes, and the status endpoint shows the stored intent', async () => {
    const { sim, merchant, lp } = await listening();
    await sim.addFault(merchant.id, { type: 'commit_then_fail', operation: 'createIntent', respond: 'drop' });
    expect(await networkError(lp.createIntent(body('SOCK2')))).toMatch(/UND_ERR_SOCKET|ECONNRESET/);
    const stored = await lp.getPaymentStatus('SOCK2');
    expect(stored.response.status).toBe(200);
    expect(stored.data?.data).toMatchObject({ key: 'SOCK2', status: 'PENDING' });
    const journal = (await sim.requests(merchant.id)).data!.requests;
    expect(journal.map((r) => [r.operationId, r.status, r.fault])).toEqual([
      ['createIntent', 0, 'commit_then_fail drop'],
      ['getPaymentStatus', 200, null],
    ]);
  });

  it('commit then fail: a 500 the client can read, with X-Sim-Fault', async () => {
    const { sim, merchant, lp } = await listening();
    await sim.addFault(merchant.id, { type: 'commit_then_fail', operation: 'createIntent' });
    const failed = await lp.createIntent(body('SOCK3'));
    expect(failed.response.status).toBe(500);
    expect(failed.response.headers.get('x-sim-fault')).toBe('commit_then_fail error');
    expect((await lp.getPaymentStatus('SOCK3')).data?.data.key).toBe('SOCK3');
  });
});
