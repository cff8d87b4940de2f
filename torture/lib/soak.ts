// The soak test: the persisted simulator under the bench's mixed workload at a steady rate for minutes,
// with RSS and the p99 of each minute sampled. What is stored grows with the load, so the rate is one
// whose new records are small against the process (the point is to see a leak, not the data).
import autocannon from 'autocannon';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPool, sandboxMerchant, seedTemplate, startSink } from '../../bench/lib/fixtures.js';
import { percentile } from '../../bench/lib/load.js';
import { SIMULATOR, startServer } from '../../bench/lib/servers.js';
import { simRequests } from '../../bench/lib/workloads.js';

export interface SoakOptions {
  minutes: number;
  /** Requests per second, all connections together. */
  rate: number;
  stored: number;
  log?: (line: string) => void;
}

export interface Minute {
  minute: number;
  requests: number;
  non2xx: number;
  p99Ms: number;
  rssMB: number;
}

export interface SoakReport {
  minutes: Minute[];
  /** See rssGrowth(). */
  rssGrowth: number;
  errors: number;
}

export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  const tmp = await mkdtemp(join(tmpdir(), 'littlepay-soak-'));
  const sink = await startSink();
  const dataDir = await seedTemplate(join(tmp, 'data'), o.stored);
  const sim = await startServer(SIMULATOR, ['--port', '0', '--data-dir', dataDir, '--pin-delay-ms', '0', '--log-level', 'warn']);
  try {
    const merchant = await sandboxMerchant(sim.url);
    const pool = await createPool(sim.url, merchant, sink.url, 'soakpool');
    const requests = simRequests('mixed', { merchant, callbackUrl: sink.url, pool, keyPrefix: 'soak' });
    const started = Date.now();
    let window: number[] = [];
    let counts = { requests: 0, non2xx: 0 };
    let rss: number[] = [];
    const minutes: Minute[] = [];
    // RSS swings by 10 to 20 % with the garbage collector's cycle: a minute's figure is the median of
    // twelve samples, so that a trend is not a matter of which moment of the cycle a sample fell on.
    const rssSampler = setInterval(() => void sim.rss().then((b) => rss.push(b / 2 ** 20)), 5_000);
    const instance = autocannon({ url: sim.url, connections: 10, overallRate: o.rate, duration: o.minutes * 60, requests }, () => {});
    (instance as unknown as NodeJS.EventEmitter).on('response', (_c: unknown, status: number, _b: number, ms: number) => {
      counts.requests++;
      if (status < 200 || status >= 300) counts.non2xx++;
      else window.push(ms);
    });
    const sampler = setInterval(() => {
      void (async () => {
        const sorted = Float64Array.from(window).sort();
        const samples = Float64Array.from(rss.length ? rss : [(await sim.rss()) / 2 ** 20]).sort();
        const m: Minute = { minute: minutes.length + 1, ...counts, p99Ms: percentile(sorted, 99), rssMB: percentile(samples, 50) };
        rss = [];
        minutes.push(m);
        o.log?.(
          `minute ${m.minute}: ${m.requests} requests (${m.non2xx} not 2xx), p99 ${m.p99Ms.toFixed(2)} ms, RSS ${m.rssMB.toFixed(1)} MB, ${Math.round((Date.now() - started) / 1000)} s`,
        );
        window = [];
        counts = { requests: 0, non2xx: 0 };
      })();
    }, 60_000);
    const result = await new Promise<autocannon.Result>((done) => instance.once('done', done));
    clearInterval(sampler);
    clearInterval(rssSampler);
    await new Promise((r) => setTimeout(r, 200)); // the last sample's own requests
    return { minutes, rssGrowth: rssGrowth(minutes), errors: result.errors + result.timeouts };
  } finally {
    await sim.stop();
    await sink.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

/**
 * RSS follows the collector's cycle (three to four minutes from one peak to the next at 25 requests/s), so
 * comparing two single minutes measures where in the cycle each fell. Compared instead: the top of the
 * cycle in the four minutes after the first, and in the last four, each window as long as a cycle so that
 * each holds a peak. (Three-minute windows missed the early peak in one run of three: 13 % "growth" from
 * tops that were flat at 154-156 MB from minute 5 on; docs/decisions/0052.) A leak raises every top.
 */
export const RSS_WINDOW_MINUTES = 4;

export function rssGrowth(minutes: Minute[]): number {
  const top = (ms: Minute[]) => Math.max(...ms.map((m) => m.rssMB));
  const w = RSS_WINDOW_MINUTES;
  if (minutes.length < 2 * w + 1) return (minutes.at(-1)?.rssMB ?? NaN) / (minutes[0]?.rssMB ?? NaN) - 1;
  return top(minutes.slice(-w)) / top(minutes.slice(1, 1 + w)) - 1;
}
