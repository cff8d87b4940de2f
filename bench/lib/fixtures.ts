// What the bench needs around the servers: a callback receiver, the demo merchant's credentials, a pool
// of intents to read, persisted stores seeded ahead of the runs, and sizes on disk.
import { readdir, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { createBody } from './bodies.js';
import { launch } from './servers.js';
import type { Credentials } from './workloads.js';

export interface Sink {
  url: string;
  received: () => number;
  /**
   * Resolves once no callback has arrived for QUIET_MS (at most DRAIN_LIMIT_MS), with the time from the call
   * to the last callback that came: how long a server went on delivering after its load ended.
   */
  drained: () => Promise<number>;
  close: () => Promise<void>;
}

/** No callback for this long: the server has sent what its load set off (its outbox retries nothing: the sink answers 200). */
const QUIET_MS = 250;
const DRAIN_LIMIT_MS = 30_000;

/** Answers 200 to every callback the simulator posts (a merchant's server that keeps up). */
export async function startSink(): Promise<Sink> {
  let received = 0;
  let lastAt = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      lastAt = performance.now();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  const drained = async (): Promise<number> => {
    const from = performance.now();
    while (performance.now() - Math.max(from, lastAt) < QUIET_MS && performance.now() - from < DRAIN_LIMIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return Math.max(0, lastAt - from);
  };
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/callback`,
    received: () => received,
    drained,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export async function sandboxMerchant(url: string): Promise<Credentials> {
  const res = await fetch(`${url}/_sim/merchants`);
  const { merchants } = (await res.json()) as { merchants: Array<Credentials & { environment: string }> };
  const m = merchants.find((x) => x.environment === 'sandbox');
  if (!m) throw new Error('the simulator has no sandbox merchant');
  return m;
}

/** Creates `count` intents over HTTP and returns their references (for status reads). */
export async function createPool(url: string, m: Credentials, callbackUrl: string, prefix: string, count = 200): Promise<string[]> {
  const auth = `Basic ${Buffer.from(`${m.clientId}:${m.clientSecret}`).toString('base64')}`;
  const refs: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${url}/api/payments/${m.tokenId}/pay`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify(createBody(`${prefix}_${i}`, callbackUrl)),
    });
    if (res.status !== 200) throw new Error(`creating the status pool failed: ${res.status} ${await res.text()}`);
    refs.push(((await res.json()) as { data: { reference: string } }).data.reference);
  }
  return refs;
}

/** Writes a persisted store holding `count` intents into `dir` (in a child process) and returns `dir`. */
export async function seedTemplate(dir: string, count: number): Promise<string> {
  const child = launch('bench/servers/seed-store.ts', [dir, String(count)]);
  let out = '';
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`seeding ${count} intents failed (exit ${code}):\n${out.slice(-2000)}`);
  return dir;
}

export async function dirSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await dirSize(path) : (await stat(path)).size;
  }
  return total;
}
