// Servers under test run in their own processes (so their RSS is their own), all launched the same way:
// node with tsx's loader, as `npm start` runs the simulator. They listen on 127.0.0.1 only.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SIMULATOR = 'simulator/src/main.ts';

export interface Server {
  url: string;
  pid: number;
  /** Resident set size now, in bytes (from /proc). */
  rss(): Promise<number>;
  /** SIGTERM, then SIGKILL if it has not exited after 20 s. */
  stop(): Promise<void>;
  /** SIGKILL: no flush, no goodbye (for the crash test). */
  kill(): Promise<void>;
  output(): string;
}

/** `nodeArgs`: node's own flags (`--cpu-prof` and the like, which NODE_OPTIONS refuses). */
export function launch(script: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT, nodeArgs: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts a server and resolves once it printed the URL it listens on. */
export function startServer(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 120_000,
  cwd = ROOT,
  nodeArgs: string[] = [],
): Promise<Server> {
  const child = launch(script, args, env, cwd, nodeArgs);
  let out = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolveServer, reject) => {
    const timer = setTimeout(() => fail(new Error(`${script} did not start within ${timeoutMs} ms`)), timeoutMs);
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${err.message}\n${out.slice(-2000)}`));
    };
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on https?:\/\/[^\s:]+:(\d+)/.exec(out);
      if (!m || settled) return;
      settled = true;
      clearTimeout(timer);
      const pid = child.pid!;
      resolveServer({
        url: `http://127.0.0.1:${m[1]}`,
        pid,
        rss: () => rssOf(pid),
        output: () => out,
        stop: async () => {
          if (child.exitCode !== null) return;
          child.kill('SIGTERM');
          const late = setTimeout(() => child.kill('SIGKILL'), 20_000);
          await exited;
          clearTimeout(late);
        },
        kill: async () => {
          if (child.exitCode === null) child.kill('SIGKILL');
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`${script} exited with code ${code} before listening`)));
  });
}

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : NaN;
}

/** A port nobody listens on right now (for a server that must be told its port before it starts). */
export function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

/** One GET; resolves with the status code, or null when nothing answers (yet). */
export function probe(url: string): Promise<number | null> {
  return new Promise((done) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? null));
    });
    req.on('error', () => done(null));
    req.end();
  });
}

/**
 * Milliseconds from spawning the server to its first 200 on `path`, polled every 2 ms. The process is
 * stopped afterwards.
 */
export async function coldStart(script: string, args: (port: number) => string[], path: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = launch(script, args(port));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${script} exited with code ${child.exitCode} during a cold start`);
      if ((await probe(`http://127.0.0.1:${port}${path}`)) === 200) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 2));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
