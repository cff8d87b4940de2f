// npm run torture:hanging [-- --callbacks 10000 --reads 2000]
// Not in CI (at full length it takes a few minutes). Thousands of callbacks fall due to a receiver that
// accepts connections and never answers (issue 20: 1,060 of them once ran the process out of file
// descriptors). Prints the latency of status reads before and while they are due, the deliveries in flight,
// the file descriptors open, and whether every callback is still kept. Exit code 1 when a request failed,
// a callback was lost, or more deliveries were in flight than CALLBACK_CONCURRENCY allows.
import { readdirSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { parseArgs } from 'node:util';
import { commandLine, numberOption } from '../bench/lib/command-line.js';
import { buildApp } from '../simulator/src/app.js';
import { defaultConfig } from '../simulator/src/config.js';
import { basic, call, sandboxMerchant, type Credentials } from './lib/http.js';

const { values } = commandLine(import.meta.url, (args) =>
  parseArgs({
    args,
    options: { callbacks: { type: 'string', default: '10000' }, reads: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '64' } },
  }),
);
const CALLBACKS = numberOption('callbacks', values.callbacks!, 1);
const READS = numberOption('reads', values.reads!, 1);
const CONCURRENCY = numberOption('concurrency', values.concurrency!, 1);

const openFds = () => readdirSync('/proc/self/fd').length;

/** A receiver that takes every connection and never answers. */
async function hangingReceiver(): Promise<{ url: string; close(): void }> {
  const sockets = new Set<Socket>();
  const server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hang`, close: () => (sockets.forEach((s) => s.destroy()), server.close()) };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** `count` status reads, 8 at a time; latencies in ms, and how many did not answer 200. */
async function statusReads(base: string, m: Credentials, keys: string[], count: number): Promise<{ p50: number; p99: number; failed: number }> {
  const times: number[] = [];
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const key = keys[next++ % keys.length]!;
      const t = performance.now();
      const res = await call(`${base}/api/payments-v2/${key}`, { headers: { 'x-api-key': m.apiKey } });
      times.push(performance.now() - t);
      if (res.status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), failed };
}

async function payments(base: string, m: Credentials, prefix: string, count: number, callbackUrl: string): Promise<{ keys: string[]; failed: number }> {
  const keys: string[] = [];
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const key = `${prefix}${next++}`;
      const made = await call(`${base}/api/payments/${m.tokenId}/pay`, {
        method: 'POST',
        headers: { authorization: basic(m), 'content-type': 'application/json' },
        body: JSON.stringify({ amount: 100, currency: 'KES', description: 'hang', callbackUrl, key }),
      });
      const reference = (made.body as { data?: { reference?: string } } | null)?.data?.reference;
      const paid = reference
        ? await call(`${base}/pay/${reference}/process`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ type: 'MPESA', payment: { mobile: '254712345678' } }),
          })
        : null;
      if (paid?.status === 200) keys.push(key);
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { keys, failed };
}

const receiver = await hangingReceiver();
const app = await buildApp({ config: defaultConfig({ port: 0, pinDelayMs: 0, logLevel: 'error', callbackConcurrency: CONCURRENCY }) });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const m = await sandboxMerchant(base);
console.log(
  `hanging receiver: ${CALLBACKS} callbacks due to a receiver that never answers, CALLBACK_CONCURRENCY ${CONCURRENCY}, ${READS} status reads before and during`,
);

const quiet = await payments(base, m, 'QUIET', 200, `${base}/_sim/inbox/quiet`);
const before = await statusReads(base, m, quiet.keys, READS);
const fdsBefore = openFds();
const loud = await payments(base, m, 'HANG', CALLBACKS, receiver.url);
let maxInFlight = 0;
const watch = setInterval(() => (maxInFlight = Math.max(maxInFlight, app.sim.ctx.outbox.load.inFlight)), 10);
const during = await statusReads(base, m, loud.keys, READS);
const health = await call(`${base}/_sim/health`);
clearInterval(watch);
const callbacks = [...app.sim.ctx.store.all('callbacks')].filter((cb) => cb.url === receiver.url);
const summary = {
  callbacks: CALLBACKS,
  concurrency: CONCURRENCY,
  statusReadMs: {
    before: { p50: +before.p50.toFixed(2), p99: +before.p99.toFixed(2) },
    whileHanging: { p50: +during.p50.toFixed(2), p99: +during.p99.toFixed(2) },
  },
  failedRequests: quiet.failed + loud.failed + before.failed + during.failed + (health.status === 200 ? 0 : 1),
  maxDeliveriesInFlight: maxInFlight,
  outbox: app.sim.ctx.outbox.load,
  openFileDescriptors: { before: fdsBefore, whileHanging: openFds() },
  callbacksKept: callbacks.length,
};
console.log(JSON.stringify(summary, null, 2));
receiver.close();
await app.close();
const lost = summary.callbacksKept !== loud.keys.length;
process.exitCode = summary.failedRequests === 0 && !lost && maxInFlight <= CONCURRENCY ? 0 : 1;
