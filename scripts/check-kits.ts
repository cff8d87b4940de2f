// Runs each integrator kit of examples/ against a fresh simulator, as an integrator would: its journey (create
// an intent that saves the card, pay it, verified callback, status, refund, a second payment with the saved
// card) must end with "journey: ok", then its callback endpoint must be graded safe by the simulator's
// receiver check (decision 0032). Each kit's README must show the very commands run here. Prints one line per
// check and "kits: N passed, N failed"; exits 1 on a failure. `npx tsx scripts/check-kits.ts [kit...]`;
// .ci/kits.sh installs the interpreters first. Decision 0090.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSimClient, startSimulator, type Merchant } from '../simulator/src/library.js';

interface Kit {
  name: string;
  /** Compiles the kit first (Java), once. */
  build?: string[];
  journey: string[];
  serve: string[];
}

export const KITS: Kit[] = [
  { name: 'node', journey: ['node', 'shop.mjs'], serve: ['node', 'shop.mjs', 'serve'] },
  { name: 'python', journey: ['python3', 'shop.py'], serve: ['python3', 'shop.py', 'serve'] },
  { name: 'php', journey: ['php', 'shop.php'], serve: ['php', 'shop.php', 'serve'] },
  {
    name: 'java',
    build: ['javac', '-d', 'build', 'src/Shop.java', 'src/LittlePay.java', 'src/Json.java'],
    journey: ['java', '-cp', 'build', 'Shop'],
    serve: ['java', '-cp', 'build', 'Shop', 'serve'],
  },
];

const root = fileURLToPath(new URL('..', import.meta.url));
const JOURNEY_TIMEOUT_MS = 120_000;
const SERVE_TIMEOUT_MS = 30_000;

function kitEnv(url: string, m: Merchant): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LITTLEPAY_BASE_URL: url,
    LITTLEPAY_CLIENT_ID: m.clientId,
    LITTLEPAY_CLIENT_SECRET: m.clientSecret,
    LITTLEPAY_TOKEN_ID: m.tokenId,
    LITTLEPAY_API_KEY: m.apiKey,
    SHOP_HOST: '127.0.0.1',
    SHOP_PORT: '0',
  };
}

/** The README of a kit must show the commands CI runs, so what a reader copies is what was proven. */
function readmeShows(kit: Kit, cwd: string): string | undefined {
  const readme = readFileSync(join(cwd, 'README.md'), 'utf8');
  const wanted = [kit.build, kit.journey].filter((c): c is string[] => c !== undefined).map((c) => c.join(' '));
  const missing = wanted.filter((command) => !readme.includes(command));
  return missing.length > 0 ? `README.md does not show: ${missing.join('; ')}` : undefined;
}

/** Runs a command to its end without blocking: the simulator answering it lives in this process. */
function run(command: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: JOURNEY_TIMEOUT_MS });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.on('error', (err) => resolve({ status: null, output: `${output}${err.message}` }));
    child.on('close', (status) => resolve({ status, output }));
  });
}

async function runJourney(kit: Kit, cwd: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const command of [kit.build, kit.journey]) {
    if (!command) continue;
    const { status, output } = await run(command, cwd, env);
    if (output.trim()) for (const line of output.trimEnd().split('\n')) console.log(`#   ${line}`);
    if (status !== 0) return `${command.join(' ')} exited with ${status}`;
    if (command === kit.journey && !/^journey: ok$/m.test(output)) return 'the journey did not print "journey: ok"';
  }
  return undefined;
}

/** Starts the kit's callback endpoint in its own process group and answers the URL it prints. */
function serve(kit: Kit, cwd: string, env: NodeJS.ProcessEnv): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(kit.serve[0]!, kit.serve.slice(1), { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no "callback endpoint: <url>" line within ${SERVE_TIMEOUT_MS} ms:\n${seen}`)), SERVE_TIMEOUT_MS);
    const read = (chunk: Buffer): void => {
      seen += chunk.toString();
      const match = /callback endpoint: (http\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => void (seen += chunk.toString()));
    child.on('error', (err) => reject(err));
    child.on('exit', (code) => reject(new Error(`exited with ${code} before serving:\n${seen}`)));
  });
  return { child, url };
}

function stop(child: ChildProcess): void {
  // The group, so a server the kit started itself (php -S) stops with it.
  if (child.pid !== undefined && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}

async function receiverCheck(kit: Kit, cwd: string, env: NodeJS.ProcessEnv, simUrl: string, merchant: Merchant): Promise<string | undefined> {
  const { child, url } = serve(kit, cwd, env);
  try {
    const endpoint = await url;
    const { data, error } = await createSimClient({ baseUrl: simUrl }).checkCallbackReceiver(merchant.id, { url: endpoint });
    if (!data) return `callback-check failed: ${JSON.stringify(error)}`;
    for (const c of data.cases) console.log(`#   ${c.passed ? 'ok' : 'not ok'} ${c.name}: ${c.explanation}`);
    return data.safe ? undefined : data.summary;
  } catch (err) {
    return (err as Error).message;
  } finally {
    stop(child);
  }
}

async function main(names: string[]): Promise<number> {
  const unknown = names.filter((n) => !KITS.some((k) => k.name === n));
  if (unknown.length > 0) {
    console.error(`unknown kit ${unknown.join(', ')}; the kits are ${KITS.map((k) => k.name).join(', ')}`);
    return 2;
  }
  const kits = names.length > 0 ? KITS.filter((k) => names.includes(k.name)) : KITS;
  const sim = await startSimulator({ callbackTimeoutMs: 5000 });
  const merchant = sim.merchants[0]!;
  const env = kitEnv(sim.url, merchant);
  let passed = 0;
  let failed = 0;
  const report = (what: string, problem: string | undefined): void => {
    if (problem === undefined) passed++;
    else failed++;
    console.log(problem === undefined ? `ok - ${what}` : `not ok - ${what}: ${problem}`);
  };
  try {
    for (const kit of kits) {
      const cwd = join(root, 'examples', kit.name);
      report(`${kit.name}: README shows the commands`, readmeShows(kit, cwd));
      report(`${kit.name}: journey against the simulator`, await runJourney(kit, cwd, env));
      report(`${kit.name}: callback endpoint graded safe by the receiver check`, await receiverCheck(kit, cwd, env, sim.url, merchant));
    }
  } finally {
    await sim.close();
  }
  console.log(`kits: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
