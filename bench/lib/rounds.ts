// Servers compared with each other are loaded in turns, round after round, and each figure is the median
// of its rounds: on a machine other work shares, a slow minute then slows every contender alike instead
// of whichever happened to run in it.
import type { Contender } from './contenders.js';
import { load, type LoadResult } from './load.js';

export interface RoundOptions {
  rounds: number;
  durationS: number;
  warmupS: number;
  connections: number;
  /**
   * Waits, after a load, until the server has delivered the callbacks its requests set off, and answers how
   * long that took. A round ends there: its req/s counts that time, and the next server is not loaded while
   * the last one is still sending (it used to be, by up to 2 s of another server's callbacks).
   */
  drain?: () => Promise<number>;
}

export interface Measured {
  contender: Contender;
  runs: LoadResult[];
  /** Medians of the runs (requests, seconds, non-2xx and errors are totals). */
  summary: LoadResult;
  rssBytes: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function summarize(runs: LoadResult[]): LoadResult {
  return {
    requests: runs.reduce((n, r) => n + r.requests, 0),
    rps: median(runs.map((r) => r.rps)),
    seconds: runs.reduce((n, r) => n + r.seconds, 0),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    drainMs: median(runs.map((r) => r.drainMs)),
  };
}

export async function interleave(contenders: Contender[], o: RoundOptions): Promise<Measured[]> {
  const runs = contenders.map(() => [] as LoadResult[]);
  // Warm-up (JIT, first compile of each route's validator), not measured.
  for (const c of contenders) {
    await load({ url: c.server.url, requests: c.requests(), connections: o.connections, durationS: o.warmupS });
    await o.drain?.();
  }
  for (let round = 0; round < o.rounds; round++) {
    // Each round starts with another contender, so none always runs right after the same neighbour.
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + round) % contenders.length;
      const c = contenders[i]!;
      const run = await load({ url: c.server.url, requests: c.requests(), connections: o.connections, durationS: o.durationS });
      const drainMs = (await o.drain?.()) ?? 0;
      // The load's own length plus the drain: a journey round ends when its last callback has arrived.
      runs[i]!.push({ ...run, drainMs, rps: run.requests / (run.seconds + drainMs / 1000) });
    }
  }
  const out: Measured[] = [];
  for (let i = 0; i < contenders.length; i++) {
    out.push({ contender: contenders[i]!, runs: runs[i]!, summary: summarize(runs[i]!), rssBytes: await contenders[i]!.server.rss() });
  }
  return out;
}
