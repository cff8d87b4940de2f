// The console's row of the bench (issue 22): with `stored` intents, the server time of the payments list's
// first page and of searches, as fastify measures it (reply.elapsedTime: request in to answer sent). Run in
// this process with a memory store: the console reads memory either way, whichever store persists it.
import { buildApp } from '../../simulator/src/app.js';
import { defaultConfig } from '../../simulator/src/config.js';
import type { Target } from './report.js';
import { median } from './report.js';
import { seedIntents } from './seed.js';

export interface ConsoleCase {
  name: string;
  url: string;
  /** Whether "well under 100 ms" is a target for it (a filter that matches nothing reads everything: information). */
  target: boolean;
  medianMs: number;
  p99Ms: number;
}

export interface ConsoleTimings {
  stored: number;
  rounds: number;
  cases: ConsoleCase[];
}

const PHONES = 1000;
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.99) - 1)]!;

export async function consoleTimings(stored: number, rounds = 50): Promise<ConsoleTimings> {
  const app = await buildApp({ config: defaultConfig({ memory: true, clock: 'manual', logLevel: 'warn' }) });
  const times: number[] = [];
  app.addHook('onResponse', (req, reply, done) => {
    if (req.url.startsWith('/_sim/console')) times.push(reply.elapsedTime);
    done();
  });
  await app.ready();
  try {
    await seedIntents(app, stored);
    // Some payments with a phone number each, spread over the store, to search by phone.
    const references = [...app.sim.ctx.store.all('intents')].map((i) => i.id);
    const step = Math.max(1, Math.floor(references.length / PHONES));
    for (let i = 0, n = 0; i < references.length && n < PHONES; i += step, n++) {
      await app.sim.payments.processMobile(references[i]!, { type: 'MPESA', payment: { mobile: `2547${String(10_000_000 + n).padStart(8, '0')}` } }, false);
    }
    const middle = app.sim.ctx.store.get('intents', references[Math.floor(references.length / 2)] ?? '');
    const key = middle?.key ?? 'none';
    const cases: Array<Omit<ConsoleCase, 'medianMs' | 'p99Ms'>> = [
      { name: 'first page', url: '/_sim/console', target: true },
      { name: 'search by key', url: `/_sim/console?q=${encodeURIComponent(key)}`, target: true },
      { name: 'search by phone (local format)', url: '/_sim/console?q=0710000500', target: true },
      { name: 'search by the start of a key', url: `/_sim/console?q=${encodeURIComponent(key.slice(0, Math.max(3, key.length - 2)))}`, target: true },
      { name: 'first page of PENDING', url: '/_sim/console?status=PENDING', target: true },
      { name: 'a filter that matches nothing (reads every intent)', url: '/_sim/console?status=FAILED', target: false },
    ];
    const out: ConsoleCase[] = [];
    for (const c of cases) {
      for (let i = 0; i < 5; i++) await app.inject({ url: c.url });
      times.length = 0;
      for (let i = 0; i < rounds; i++) {
        const res = await app.inject({ url: c.url });
        if (res.statusCode !== 200) throw new Error(`${c.url} answered ${res.statusCode}`);
      }
      out.push({ ...c, medianMs: median(times), p99Ms: p99(times) });
    }
    return { stored, rounds, cases: out };
  } finally {
    await app.close();
  }
}

export function consoleLine(t: ConsoleTimings): string {
  const cases = t.cases.map((c) => `${c.name} ${c.medianMs.toFixed(2)} / ${c.p99Ms.toFixed(2)} ms`).join('; ');
  return `Console list with ${t.stored.toLocaleString('en')} intents stored, server time (median / p99 of ${t.rounds}): ${cases}.`;
}

export function consoleTargets(t: ConsoleTimings): Target[] {
  return t.cases
    .filter((c) => c.target)
    .map((c) => ({
      name: `console ${c.name}, p99 server time (ms), ${t.stored.toLocaleString('en')} stored`,
      value: c.p99Ms,
      limit: 100,
      atMost: true,
      met: c.p99Ms <= 100,
    }));
}
