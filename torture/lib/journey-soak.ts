// The journey soak (issue 25): the persisted simulator under the bench's journey (create, pay by M-Pesa,
// status) at a steady rate, while the merchant's callback receiver is up, then slow, then down, then up
// again. The outbox grows while the receiver cannot take callbacks and drains once it can; the API must
// answer every request throughout, and RSS must stop growing once the outbox is empty again.
import autocannon from 'autocannon';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedTemplate } from '../../bench/lib/fixtures.js';
import { percentile } from '../../bench/lib/load.js';
import { SIMULATOR, startServer } from '../../bench/lib/servers.js';
import { simRequests } from '../../bench/lib/workloads.js';
import { call } from './http.js';

export type ReceiverMode = 'up' | 'slow' | 'down';

export interface Phase {
  mode: ReceiverMode;
  windows: number;
}

export interface JourneySoakOptions {
  /** Length of one reporting window (a minute, or 10 s in the short mode). */
  windowS: number;
  phases: Phase[];
  /** API requests per second, all connections together (a journey is three). */
  rate: number;
  stored: number;
  /** How long a slow receiver takes to answer (under the simulator's callback timeout). */
  slowMs: number;
  /** The simulator's retry schedule (CALLBACK_RETRIES): short enough for the outbox to drain within the run. */
  retries: string;
  log?: (line: string) => void;
}

export interface Window {
  window: number;
  mode: ReceiverMode;
  requests: number;
  non2xx: number;
  p99Ms: number;
  rssMB: number;
  /** Callbacks waiting for a delivery at the window's end. */
  pending: number;
  /** Callbacks the receiver took during the window. */
  received: number;
}

export interface JourneySoakReport {
  windows: Window[];
  errors: number;
  /** Pending callbacks once the run was over (0: the outbox drained). */
  pendingAtEnd: number;
  verdict: DrainVerdict;
}

/** A receiver that answers 200 (up), answers 200 after a delay (slow), or drops every connection (down). */
async function phasedReceiver(slowMs: number) {
  let mode: ReceiverMode = 'up';
  let received = 0;
  const server: Server = createServer((req, res) => {
    // Down: the connection is dropped, a kept-alive one included (a receiver that crashed).
    if (mode === 'down') return req.socket.destroy();
    req.resume();
    req.on('end', () => {
      const answer = () => {
        received++;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      };
      if (mode === 'slow') setTimeout(answer, slowMs);
      else answer();
    });
  });
  server.on('connection', (socket) => {
    if (mode === 'down') socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/callback`,
    set: (next: ReceiverMode) => (mode = next),
    received: () => received,
    close: () => new Promise<void>((done) => server.close(() => done())).then(() => server.closeAllConnections()),
  };
}

export async function runJourneySoak(o: JourneySoakOptions): Promise<JourneySoakReport> {
  const tmp = await mkdtemp(join(tmpdir(), 'littlepay-journey-soak-'));
  const receiver = await phasedReceiver(o.slowMs);
  const dataDir = await seedTemplate(join(tmp, 'data'), o.stored);
  const sim = await startServer(SIMULATOR, [
    '--port',
    '0',
    '--data-dir',
    dataDir,
    '--pin-delay-ms',
    '0',
    '--log-level',
    'error',
    '--callback-retries',
    o.retries,
  ]);
  try {
    const { body } = await call(`${sim.url}/_sim/merchants`);
    const merchant = (
      body as { merchants: Array<{ id: string; environment: string; clientId: string; clientSecret: string; tokenId: string; apiKey: string }> }
    ).merchants.find((m) => m.environment === 'sandbox')!;
    const pending = async () =>
      ((await call(`${sim.url}/_sim/merchants/${merchant.id}/callbacks?state=pending`)).body as { callbacks: unknown[] }).callbacks.length;
    const requests = simRequests('journey', { merchant, callbackUrl: receiver.url, pool: [], keyPrefix: 'jsoak' });
    const total = o.phases.reduce((n, p) => n + p.windows, 0);
    const modes = o.phases.flatMap((p) => Array.from({ length: p.windows }, () => p.mode));
    let latencies: number[] = [];
    let counts = { requests: 0, non2xx: 0 };
    let rss: number[] = [];
    let receivedBefore = 0;
    const windows: Window[] = [];
    receiver.set(modes[0]!);
    // Twelve RSS samples a window, whose median is its figure: RSS swings with the collector's cycle.
    const rssSampler = setInterval(() => void sim.rss().then((b) => rss.push(b / 2 ** 20)), (o.windowS * 1000) / 12);
    const instance = autocannon({ url: sim.url, connections: 10, overallRate: o.rate, duration: total * o.windowS, requests }, () => {});
    (instance as unknown as NodeJS.EventEmitter).on('response', (_c: unknown, status: number, _b: number, ms: number) => {
      counts.requests++;
      if (status < 200 || status >= 300) counts.non2xx++;
      else latencies.push(ms);
    });
    const sampler = setInterval(() => {
      void (async () => {
        const sorted = Float64Array.from(latencies).sort();
        const samples = Float64Array.from(rss.length ? rss : [(await sim.rss()) / 2 ** 20]).sort();
        const w: Window = {
          window: windows.length + 1,
          mode: modes[windows.length]!,
          ...counts,
          p99Ms: percentile(sorted, 99),
          rssMB: percentile(samples, 50),
          pending: await pending(),
          received: receiver.received() - receivedBefore,
        };
        receivedBefore = receiver.received();
        windows.push(w);
        latencies = [];
        counts = { requests: 0, non2xx: 0 };
        rss = [];
        const next = modes[windows.length];
        if (next) receiver.set(next);
        o.log?.(
          `window ${w.window} (receiver ${w.mode}): ${w.requests} requests (${w.non2xx} not 2xx), p99 ${w.p99Ms.toFixed(2)} ms, RSS ${w.rssMB.toFixed(1)} MB, ${w.pending} callbacks pending, ${w.received} received`,
        );
      })();
    }, o.windowS * 1000);
    const result = await new Promise<autocannon.Result>((done) => instance.once('done', done));
    clearInterval(sampler);
    clearInterval(rssSampler);
    await new Promise((r) => setTimeout(r, 500)); // the last window's own requests
    const pendingAtEnd = await pending();
    return { windows, errors: result.errors + result.timeouts, pendingAtEnd, verdict: drainVerdict(windows) };
  } finally {
    await sim.stop();
    await receiver.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

export interface DrainVerdict {
  /** The first window after the last outage whose end found no callback pending; null if none did. */
  drainedAt: number | null;
  /** Top RSS of the last windows ÷ top RSS of the windows right after the drain, minus 1. */
  growthAfterDrain: number;
  /** Top RSS while the receiver was slow or down, and before it, for information. */
  topBeforeMB: number;
  topDuringMB: number;
}

/**
 * After the drain, RSS must be flat: the highest window of the last `w` is compared with the highest of
 * the first `w` after the drain (each window a collector cycle long or more, as in soak.ts), so what the
 * outage added and then released does not count, and what it left behind does.
 */
export function drainVerdict(windows: Window[], w = 2): DrainVerdict {
  const top = (ws: Window[]) => Math.max(...ws.map((x) => x.rssMB));
  const lastOutage = windows.findLastIndex((x) => x.mode !== 'up');
  const drained = windows.findIndex((x, i) => i > lastOutage && x.pending === 0);
  const before = windows.slice(
    0,
    Math.max(
      1,
      windows.findIndex((x) => x.mode !== 'up'),
    ),
  );
  const during = windows.filter((x) => x.mode !== 'up');
  const after = drained < 0 ? [] : windows.slice(drained);
  return {
    drainedAt: drained < 0 ? null : windows[drained]!.window,
    growthAfterDrain: after.length < 2 * w ? NaN : top(after.slice(-w)) / top(after.slice(0, w)) - 1,
    topBeforeMB: top(before),
    topDuringMB: during.length ? top(during) : NaN,
  };
}
