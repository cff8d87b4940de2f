// The callbacks guide's Node receiver (test/docs/examples/callback-receiver.mjs, shown line for line) does
// what the guide says: it prints `valid COMPLETED <key>` for a real callback, and the receiver check grades
// it as the guide says, failing only stale_timestamp.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/src/library.js';

const RECEIVER = fileURLToPath(new URL('./examples/callback-receiver.mjs', import.meta.url));

/** A port free right now on 127.0.0.1 (the example takes its port from PORT, as a user would give it). */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

let sim: Simulator;
let receiver: ChildProcess;
let printed = '';
let url = '';

beforeAll(async () => {
  sim = await startSimulator({ clock: 'manual' });
  const port = await freePort();
  url = `http://127.0.0.1:${port}/littlepay/callback`;
  receiver = spawn(process.execPath, [RECEIVER], { env: { ...process.env, SIM_URL: sim.url, PORT: String(port) } });
  receiver.stdout!.on('data', (d: Buffer) => (printed += d.toString()));
  receiver.stderr!.on('data', (d: Buffer) => (printed += d.toString()));
  // Ready once its port takes a connection (a request without a signature would not be a fair probe).
  for (let i = 0; i < 200; i++) {
    const socket = connect(port, '127.0.0.1');
    const up = await new Promise<boolean>((resolve) => socket.once('connect', () => resolve(true)).once('error', () => resolve(false)));
    socket.destroy();
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the example receiver did not start: ${printed}`);
});

afterAll(async () => {
  receiver?.kill();
  await sim?.close();
});

it('prints valid COMPLETED and the key for a callback the simulator signed', async () => {
  const lp = sim.client();
  const created = await lp.createIntent({ amount: 1500, description: 'Order 1042', key: 'ORDER1042', callbackUrl: url });
  await lp.processPayment(created.data!.data.reference, { type: 'MPESA', payment: { mobile: '254712345678' } });
  await sim.clock.advance(3_000);
  expect(printed).toContain('valid COMPLETED ORDER1042');
});

it('is graded as the guide says: every case passes but stale_timestamp', async () => {
  const res = await fetch(`${sim.url}/_sim/merchants/${sim.merchants[0]!.id}/callback-check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ url }),
  });
  const report = (await res.json()) as { safe: boolean; cases: { name: string; passed: boolean }[] };
  expect(report.safe).toBe(false);
  expect(report.cases.filter((c) => !c.passed).map((c) => c.name)).toEqual(['stale_timestamp']);
});
