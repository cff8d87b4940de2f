// The littlepay-sim command in-process (runCli, simulator/src/cli.ts): help, bad command lines, the merchants
// command, and a port that is taken. Spawned processes (the bin itself, signals, an unwritable folder) are in
// process.test.ts.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimClient, startSimulator } from 'littlepay-sim';
import { runCli, type CliIO } from '../../simulator/src/cli.js';
import { eventually } from '../helpers/store-fixtures.js';
import { helpText, loadConfig } from '../../simulator/src/config.js';
import { serve } from '../../simulator/src/server.js';

/** The README's credentials of the first demo merchant (seed littlepay). */
const DEMO_CLIENT_ID = '9a711fe0741dd9f8';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'littlepay-cli-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function captured() {
  const out = { stdout: '', stderr: '' };
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const io: CliIO = { stdout: sink((s) => (out.stdout += s)), stderr: sink((s) => (out.stderr += s)), isTTY: false, color: false };
  return { io, out };
}

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const { io, out } = captured();
  const code = await runCli(argv, env, io);
  return { code, ...out };
}

describe('littlepay-sim --help and bad command lines', () => {
  it.each([[['--help']], [['help']], [['merchants', '--help']], [['--port', '1', '--help']]])('%j prints the help and exits 0', async (argv) => {
    expect(await cli(argv)).toEqual({ code: 0, stdout: `${helpText()}\n`, stderr: '' });
  });

  it('lists the commands in the help', () => {
    expect(helpText()).toMatch(/^ {2}littlepay-sim merchants \[options\]/m);
    expect(helpText()).toMatch(/^ {2}littlepay-sim scenarios --base-url URL/m);
  });

  it.each([
    { argv: ['--port', 'abc'], env: {}, message: 'littlepay-sim: --port must be a whole number, got "abc"\n' },
    { argv: [], env: { CLOCK: 'fast' }, message: 'littlepay-sim: CLOCK must be one of system, manual, got "fast"\n' },
    {
      argv: ['serve'],
      env: {},
      message: 'littlepay-sim: unknown command "serve" (the commands are merchants, scenarios and drift)\nRun with --help to see every option.\n',
    },
    { argv: ['merchants', '--port', 'x'], env: {}, message: 'littlepay-sim: --port must be a whole number, got "x"\n' },
  ])('refuses $argv $env with exit 2 and says why', async ({ argv, env, message }) => {
    expect(await cli(argv, env)).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('refuses an unknown flag with exit 2, naming it', async () => {
    const res = await cli(['--nope']);
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    // The middle of the message is node's own and varies between versions.
    expect(res.stderr).toMatch(/^littlepay-sim: Unknown option '--nope'.*\nRun with --help to see every option.\n$/s);
  });

  it('passes scenarios flags to the runner, which refuses a missing --base-url', async () => {
    const res = await cli(['scenarios']);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe('--base-url is required\nusage: littlepay-sim scenarios --base-url URL [--journey NAME | --all] [--admin-token TOKEN]\n');
    const help = await cli(['scenarios', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('mpesa-success-refund');
  });
});

describe('littlepay-sim merchants', () => {
  it('prints, before a first start, the demo merchants the seed will make, and writes nothing', async () => {
    const dataDir = join(tempDir(), 'not-yet');
    const res = await cli(['merchants', '--data-dir', dataDir]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`none stored in ${dataDir} yet; a first start with seed "littlepay" creates these`);
    expect(res.stdout).toContain(`'${DEMO_CLIENT_ID}'`);
    expect(res.stdout).toContain("'Demo Live Shop (production)'");
    expect(existsSync(dataDir)).toBe(false);

    const other = await cli(['merchants', '--json', '--memory'], { SEED: 'other' });
    const { merchants } = JSON.parse(other.stdout) as { merchants: Array<{ clientId: string; name: string }> };
    expect(merchants.map((m) => m.name)).toEqual(['Demo Duka (sandbox)', 'Demo Soko (sandbox)', 'Demo Live Shop (production)']);
    expect(merchants[0]!.clientId).not.toBe(DEMO_CLIENT_ID);
  });

  it('prints what the data folder holds once the simulator has run, with the same ids as /_sim/merchants', async () => {
    const dataDir = tempDir();
    const sim = await startSimulator({ dataDir });
    await createSimClient({ baseUrl: sim.url }).createMerchant({ environment: 'production', name: 'Kiosk' });
    const served = (await createSimClient({ baseUrl: sim.url }).listMerchants()).data!.merchants;
    await sim.close();

    const res = await cli(['merchants', '--json'], { DATA_DIR: dataDir });
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ merchants: served });
    const table = await cli(['merchants', '--data-dir', dataDir]);
    expect(table.stdout).toContain(`Merchants (stored in ${dataDir}):`);
    expect(table.stdout).toContain("'Kiosk'");
  });

  it('reads the folder of a running simulator without touching it: its spare log segment and its log stay', async () => {
    const dataDir = tempDir();
    const sim = await startSimulator({ dataDir });
    cleanups.push(() => sim.close());
    await createSimClient({ baseUrl: sim.url }).createMerchant({ environment: 'production', name: 'Kiosk' });
    // After its first write the simulator prepares its next log segment in the background (a temp file).
    const store = join(dataDir, 'store');
    await eventually(() => readdirSync(store).some((f) => /^\.wal-spare-\d+\.tmp$/.test(f)));
    const snapshot = () =>
      readdirSync(store)
        .sort()
        .map((f) => `${f} ${statSync(join(store, f)).size} ${statSync(join(store, f)).mtimeMs}`);
    const before = snapshot();

    const res = await cli(['merchants', '--json', '--data-dir', dataDir]);
    expect(res.code).toBe(0);
    expect((JSON.parse(res.stdout) as { merchants: Array<{ name: string }> }).merchants.map((m) => m.name)).toContain('Kiosk');
    expect(snapshot()).toEqual(before);
    // And the simulator goes on writing.
    expect((await createSimClient({ baseUrl: sim.url }).createMerchant({ environment: 'sandbox', name: 'Stall' })).response.status).toBe(201);
  });
});

describe('littlepay-sim on a port that is taken', () => {
  it('says so in one line and exits 1', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const port = (server.address() as { port: number }).port;

    const res = await cli(['--port', String(port), '--memory', '--log-level', 'silent']);
    expect(res).toEqual({
      code: 1,
      stdout: '',
      stderr: `littlepay-sim: cannot start: port ${port} on 127.0.0.1 is already in use; pass --port or PORT (0 picks a free one)\n`,
    });
  });
});

describe('the heap of a serving simulator (decision 0057)', () => {
  it('the command turns V8 pretenuring off before it builds the app; the library leaves its host process alone', async () => {
    // Not passed on to V8: the test runner's own heap stays as it is.
    const flags = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => {});
    cleanups.push(() => flags.mockRestore());

    const lib = await startSimulator({ memory: true, port: 0, logLevel: 'silent' });
    await lib.close();
    expect(flags).not.toHaveBeenCalled();

    const config = loadConfig(['--memory', '--port', '0', '--log-level', 'silent'], {})!;
    const app = await serve(config, captured().io);
    if (typeof app === 'number') throw new Error(`serve exited with ${app}`);
    cleanups.push(() => app.close());
    expect(flags.mock.calls).toEqual([['--no-allocation-site-pretenuring']]);
  });
});
