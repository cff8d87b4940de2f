// The drift command line: help (also as `littlepay-sim drift`), the exit status of a command line or a
// known-differences file that cannot be used, credentials that are never echoed, a real service that
// answers nothing, the npm script as a child process, --sim-url (and no difference between two simulators),
// the module's dependencies, and the committed known differences, each pointing at a decision record that
// exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startSimulator } from 'littlepay-sim';
import { runDriftCommand } from '../../drift/command.js';
import { DEFAULT_KNOWN_FILE, loadKnown } from '../../drift/known.js';
import { DRIFT_SIMULATOR } from '../../drift/simulator-settings.js';
import { runCli } from '../../simulator/src/cli.js';
import { tempDir } from '../helpers/temp-dirs.js';

let started = 0;
const deps = {
  startSimulator: () => {
    started++;
    return startSimulator(DRIFT_SIMULATOR);
  },
};

async function drift(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDriftCommand(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) }, deps, 'littlepay-sim drift');
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const CREDENTIALS = {
  LITTLEPAY_CLIENT_ID: 'c0ffee0123456789',
  LITTLEPAY_CLIENT_SECRET: 'U2VjcmV0U2VjcmV0U2VjcmV0',
  LITTLEPAY_TOKEN_ID: '6f1c0d55-3f7e-4d1a-9a55-0c1f2e3d4b5a',
  LITTLEPAY_API_KEY: 'sk_drift_test_key',
};

describe('littlepay-sim drift: the command line', () => {
  it('prints its help through littlepay-sim drift --help, and exits 0', async () => {
    let stdout = '';
    const sink = new Writable({ write: (chunk, _e, done) => ((stdout += String(chunk)), done()) });
    const code = await runCli(['drift', '--help'], {}, { stdout: sink, stderr: sink, isTTY: false, color: false });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: littlepay-sim drift --real-url URL/);
    expect(stdout).toContain('LITTLEPAY_CLIENT_ID, LITTLEPAY_CLIENT_SECRET, LITTLEPAY_TOKEN_ID, LITTLEPAY_API_KEY');
  });

  it.each([
    { argv: [], message: '--real-url (or --replay DIR) is required' },
    { argv: ['--real-url', 'https://sandbox.example', '--replay', 'somewhere'], message: '--real-url and --replay do not go together' },
    { argv: ['--real-url', 'ftp://sandbox.example'], message: '--real-url must be an http(s) URL' },
    { argv: ['--replay', 'somewhere', '--timeout-ms', 'soon'], message: '--timeout-ms must be a whole number' },
    { argv: ['--real-url', 'https://sandbox.example', '--journey', 'refund-everything'], message: 'no journey named refund-everything' },
    { argv: ['--real-url', 'https://sandbox.example', '--shopper'], message: "Unknown option '--shopper'" },
    {
      argv: ['--real-url', 'https://sandbox.example', '--shopper-mobile', '+254712345678'],
      message: '--shopper-mobile must be digits with the country code and no "+"',
    },
  ])('exits 2 for $argv, saying why', async ({ argv, message }) => {
    const res = await drift(argv, CREDENTIALS);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(message);
    expect(started).toBe(0);
  });

  it('names the missing credentials and never echoes the ones given', async () => {
    const res = await drift(['--real-url', 'https://sandbox.example'], {
      LITTLEPAY_CLIENT_ID: CREDENTIALS.LITTLEPAY_CLIENT_ID,
      LITTLEPAY_API_KEY: CREDENTIALS.LITTLEPAY_API_KEY,
    });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('LITTLEPAY_CLIENT_SECRET (or --client-secret), LITTLEPAY_TOKEN_ID (or --token-id)');
    expect(res.stderr).not.toContain(CREDENTIALS.LITTLEPAY_CLIENT_ID);
    expect(res.stderr).not.toContain(CREDENTIALS.LITTLEPAY_API_KEY);
  });

  it('exits 2 for a known-differences entry without a decision record, naming it', async () => {
    const file = join(await tempDir('littlepay-drift-known-'), 'known.json');
    writeFileSync(file, JSON.stringify({ differences: [{ kind: 'missing', path: 'body.data.code', decision: 'because', why: 'x' }] }));
    const res = await drift(['--real-url', 'https://sandbox.example', '--known', file], CREDENTIALS);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('differences[0]: decision must name a docs/decisions/NNNN-*.md record');
  });

  it('exits 2 when the real service answers nothing, rather than reporting every step as drift', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const res = await drift(['--real-url', `http://127.0.0.1:${port}`, '--journey', 'intent-and-errors'], CREDENTIALS);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/the real service at http:\/\/127\.0\.0\.1:\d+ answered nothing: fetch failed \(connect ECONNREFUSED/);
    for (const secret of Object.values(CREDENTIALS)) expect(res.stdout + res.stderr).not.toContain(secret);
  });
});

describe('npm run drift (drift/cli.ts, as a child process)', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'drift/cli.ts', ...args], {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      env: { PATH: process.env.PATH, HOME: tmpdir(), NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 15_000,
    });

  it('prints its help, and exits 2 naming the credentials it lacks', () => {
    const help = run(['--help']);
    expect({ status: help.status, stderr: help.stderr }).toEqual({ status: 0, stderr: '' });
    expect(help.stdout).toMatch(/^usage: npm run drift -- --real-url URL/);
    const bare = run(['--real-url', 'https://sandbox.example']);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/^the real sandbox merchant's credentials are missing: LITTLEPAY_CLIENT_ID/);
  });
});

describe('--sim-url', () => {
  it('uses the simulator given instead of starting one', async () => {
    const sim = await startSimulator(DRIFT_SIMULATOR);
    const real = await startSimulator(DRIFT_SIMULATOR);
    try {
      const m = real.merchants[0]!;
      const env = { LITTLEPAY_CLIENT_ID: m.clientId, LITTLEPAY_CLIENT_SECRET: m.clientSecret, LITTLEPAY_TOKEN_ID: m.tokenId, LITTLEPAY_API_KEY: m.apiKey };
      const before = started;
      const res = await drift(['--real-url', real.url, '--sim-url', sim.url, '--journey', 'intent-and-errors'], env);
      expect(res.stderr).toBe('');
      expect(res.stdout).toContain(`against the simulator at ${sim.url}`);
      expect(res.stdout).toMatch(/10 steps: 10 compared, 0 skipped on one side; 0 differences/);
      expect(res.code).toBe(0);
      expect(started).toBe(before);
    } finally {
      await Promise.all([sim.close(), real.close()]);
    }
  });
});

describe('the drift module', () => {
  it('depends on the client and the scenarios only; its command-line entry alone starts a simulator', () => {
    const dir = new URL('../../drift/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'cli.ts')) {
      const imports = [...readFileSync(new URL(file, dir), 'utf8').matchAll(/from '(\.\.\/[^']+)'/g)].map((m) => m[1]!);
      for (const path of imports) expect(path, `${file} imports ${path}`).toMatch(/^\.\.\/(client|scenarios)\//);
    }
  });
});

describe('the committed known differences', () => {
  it('each points at a decision record that exists, and says why', () => {
    const known = loadKnown(DEFAULT_KNOWN_FILE);
    expect(known.length).toBeGreaterThan(0);
    for (const k of known) expect(existsSync(new URL(`../../${k.decision}`, import.meta.url)), k.decision).toBe(true);
  });
});
