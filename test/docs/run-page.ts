// Runs a page's shell blocks, in order and in one bash session (so `REF=…` in one block is there in the
// next), against a fresh simulator with the default seed: the ids, credentials and references the docs
// show are the ones a reader gets on a fresh DATA_DIR. The docs' `localhost:3000` is this simulator's
// address, and `sleep N` moves its clock by N seconds (waiting until what came due is done) instead of
// waiting, so nothing here depends on timing.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSimulator, type Simulator } from '../../simulator/src/library.js';
import { ROOT, type DocBlock } from './doc-blocks.js';

const SEPARATOR = /\n@@doc-block (\d+)@@\n/;

export interface PageRun {
  /** What each run block printed (stdout and stderr), by the block's index in the page. */
  outputs: Map<number, string>;
  /** The simulator's address, as the docs' localhost:3000 stands for it. */
  address: string;
}

function clockServer(sim: Simulator): Promise<Server> {
  const server = createServer((req, res) => {
    const ms = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('ms'));
    sim.clock.advance(ms).then(
      () => res.end('ok'),
      (err: Error) => res.writeHead(500).end(err.message),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The block's commands, pointed at this simulator. */
export function localised(code: string, address: string): string {
  return code.replace(/(?:http:\/\/)?(?:localhost|127\.0\.0\.1):3000/g, (m) => (m.startsWith('http') ? `http://${address}` : address));
}

function bash(script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-c', script], { cwd: ROOT, env: { ...process.env, LC_ALL: 'C.UTF-8' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

export async function runPage(blocks: DocBlock[]): Promise<PageRun> {
  const sim = await startSimulator({ memory: true });
  const clock = await clockServer(sim);
  const address = new URL(sim.url).host;
  try {
    const clockUrl = `http://127.0.0.1:${(clock.address() as AddressInfo).port}`;
    const lines = [`sleep() { curl -s -X POST "${clockUrl}/?ms=$(( \${1%s} * 1000 ))" >/dev/null; }`];
    blocks.forEach((block, index) => {
      if (block.role === 'run') lines.push(`printf '\\n@@doc-block ${index}@@\\n'`, localised(block.code, address));
    });
    const printed = (await bash(lines.join('\n'))).split(SEPARATOR);
    const outputs = new Map<number, string>();
    for (let i = 1; i < printed.length; i += 2) outputs.set(Number(printed[i]), printed[i + 1]!.split(address).join('localhost:3000'));
    return { outputs, address };
  } finally {
    await new Promise((resolve) => clock.close(resolve));
    await sim.close();
  }
}
