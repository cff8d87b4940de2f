// The installed command, bin/littlepay-sim.js, as a child process: --help and a bad flag, a data folder it
// cannot write (one line, exit 1), and SIGTERM with a request in flight (answered, store flushed, exit 0).
// Children listen on 127.0.0.1 only.
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLittlePayClient, createSimClient, merchantClientOptions, startSimulator } from 'littlepay-sim';
import { helpText } from '../../simulator/src/config.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/littlepay-sim.js');
// Only what a child needs: none of the simulator's settings leak in from the test's shell.
const ENV: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: tmpdir(), NODE_OPTIONS: '' };

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'littlepay-bin-'));
  dirs.push(dir);
  return dir;
}

const run = (args: string[], options: SpawnSyncOptions = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: ENV, encoding: 'utf8', timeout: 15_000, ...options });

describe('bin/littlepay-sim.js', () => {
  it('prints the help and exits 0 with --help', () => {
    const res = run(['--help']);
    expect(res.error).toBeUndefined();
    expect({ status: res.status, stdout: res.stdout, stderr: res.stderr }).toEqual({ status: 0, stdout: `${helpText()}\n`, stderr: '' });
  });

  it('exits 2 with one line naming a bad flag', () => {
    const res = run(['--pin-delay-ms', 'soon']);
    expect({ status: res.status, stdout: res.stdout, stderr: res.stderr }).toEqual({
      status: 2,
      stdout: '',
      stderr: 'littlepay-sim: --pin-delay-ms must be a whole number, got "soon"\n',
    });
  });
});

describe('a data folder it cannot write', () => {
  // root may write anywhere: as root the child runs as nobody, so the folder's permissions apply to it.
  const asRoot = process.getuid?.() === 0;
  const asUser: SpawnSyncOptions = asRoot ? { uid: 65534, gid: 65534 } : {};
  // nobody must reach the command: a clone in a private folder (mktemp -d is 0700) would hide it. The
  // folders above the clone that others cannot enter get o+x (enter, not list) for these tests only.
  const opened: Array<{ dir: string; mode: number }> = [];
  beforeAll(() => {
    if (!asRoot) return;
    for (let dir = ROOT; dir !== dirname(dir); dir = dirname(dir)) {
      const mode = statSync(dir).mode & 0o7777;
      if ((mode & 0o001) === 0) {
        chmodSync(dir, mode | 0o001);
        opened.push({ dir, mode });
      }
    }
  });
  afterAll(() => {
    for (const { dir, mode } of opened.splice(0)) chmodSync(dir, mode);
  });

  it('stops the start with one line and exit 1', () => {
    const dataDir = tempDir();
    chmodSync(dataDir, 0o555);
    const res = run(['--data-dir', dataDir, '--port', '0'], asUser);
    expect({ status: res.status, stdout: res.stdout, stderr: res.stderr }).toEqual({
      status: 1,
      stdout: '',
      stderr: `littlepay-sim: cannot start: the data folder ${dataDir} is not writable (EACCES); pass --data-dir or DATA_DIR, or --memory\n`,
    });
  });

  it('names a folder inside it that cannot be written (an existing store is only read at start)', () => {
    const dataDir = tempDir();
    chmodSync(dataDir, 0o777);
    mkdirSync(join(dataDir, 'store'), { mode: 0o555 });
    chmodSync(join(dataDir, 'store'), 0o555);
    const res = run(['--data-dir', dataDir, '--port', '0'], asUser);
    expect(res.status).toBe(1);
    expect(res.stderr).toBe(
      `littlepay-sim: cannot start: ${join(dataDir, 'store')} in the data folder is not writable (EACCES); pass --data-dir or DATA_DIR, or --memory\n`,
    );
  });
});

/** Resolves with the first match of `pattern` in what the child has written to stdout so far. */
function waitForOutput(child: ReturnType<typeof spawn>, pattern: RegExp): Promise<RegExpMatchArray> {
  let seen = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = pattern.exec(seen);
      if (m) resolve(m);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}:\n${seen}`)));
  });
}

describe('SIGTERM', () => {
  it('answers the request in flight, flushes the store and exits 0', async () => {
    const dataDir = tempDir();
    const args = ['--port', '0', '--data-dir', dataDir, '--pin-delay-ms', '600000', '--long-poll-timeout-ms', '600000', '--log-format', 'json'];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    try {
      const [, baseUrl] = await waitForOutput(child, /Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
      const merchant = (await createSimClient({ baseUrl: baseUrl! }).listMerchants()).data!.merchants[0]!;
      const lp = createLittlePayClient(merchantClientOptions(baseUrl!, merchant));
      const reference = (await lp.createIntent({ amount: 10, description: 'x', key: 'SIGTERM1', callbackUrl: 'https://merchant.example/cb' })).data!.data
        .reference;
      const held = lp.processPayment(reference, { type: 'MPESA', payment: { mobile: '254712345678' } }, { longPoll: true });
      // The long-poll is held once its attempt is stored.
      while (!(await lp.getPaymentStatus('SIGTERM1')).data?.data.attempts.length);

      child.kill('SIGTERM');
      expect((await held).data?.data.status).toBe('PENDING');
      expect(await exited).toEqual({ code: 0, signal: null });
    } finally {
      child.kill('SIGKILL');
    }
    expect(output).toContain('SIGTERM: finishing in-flight requests and flushing the store');

    const again = await startSimulator({ dataDir });
    try {
      const status = await again.client().getPaymentStatus('SIGTERM1');
      expect(status.data?.data).toMatchObject({ status: 'PENDING', attempts: [{ status: 'PENDING', provider: 'MPESA' }] });
    } finally {
      await again.close();
    }
  });
});
