// One load run with autocannon on 127.0.0.1. Latencies are kept at full resolution (autocannon's own
// histogram rounds to whole milliseconds, too coarse for a 1 ms p50), for answered 2xx requests.
import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  rps: number;
  /** How long the load ran (autocannon's own measure, a little over the duration asked for). */
  seconds: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** How long after the load the server was still delivering its callbacks (rounds.ts counts it in rps). */
  drainMs: number;
}

export interface LoadOptions {
  url: string;
  requests: autocannon.Request[];
  connections: number;
  durationS: number;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  let latencies = new Float64Array(1 << 16);
  let n = 0;
  const instance = autocannon({ url: options.url, connections: options.connections, duration: options.durationS, requests: options.requests }, () => {});
  // autocannon emits (client, statusCode, resBytes, responseTime); its type declaration leaves out the client.
  (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, statusCode: number, _bytes: number, ms: number) => {
    if (statusCode < 200 || statusCode >= 300) return;
    if (n === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[n++] = ms;
  });
  const result = await new Promise<autocannon.Result>((done) => instance.once('done', done));
  const sorted = latencies.subarray(0, n).sort();
  return {
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    seconds: result.duration,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    non2xx: result.non2xx,
    errors: result.errors,
    drainMs: 0,
  };
}
