// The fuzz test: requests generated from the contracts' schemas and broken (fuzz-requests.ts), against
// every operation of a simulator started for the purpose, over a socket. Counts what must never happen:
// a 5xx, a request left without an answer or a dead process, and a 4xx whose body has no data.message.
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { CONTRACT_FILES } from '../../simulator/src/app.js';
import { ContractSet } from '../../simulator/src/http/contract.js';
import { SIMULATOR, startServer } from '../../bench/lib/servers.js';
import { requestArb, type FuzzRequest, type Known } from './fuzz-requests.js';
import { basic, call, sandboxMerchant } from './http.js';
import { RAW_SHAPES, rawAnswers, sendRaw } from './fuzz-raw.js';

export interface FuzzOptions {
  count: number;
  seed: number;
  concurrency: number;
  log?: (line: string) => void;
}

export interface Failure {
  status: number;
  method: string;
  path: string;
  how: string;
  answer: string;
}

export interface FuzzReport {
  seed: number;
  sent: number;
  byStatus: Record<string, number>;
  fiveXX: number;
  noAnswer: number;
  fourXXWithoutMessage: number;
  aliveAfter: boolean;
  failures: Failure[];
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function send(base: string, r: FuzzRequest): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const headers = { ...r.headers, ...(r.body ? { 'content-length': String(r.body.length) } : {}) };
    const req = request(`${base}${r.path}`, { method: r.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve({ status: 0, text: '' }));
    });
    req.on('error', () => resolve({ status: 0, text: '' }));
    req.setTimeout(60_000, () => req.destroy());
    req.end(r.body);
  });
}

const hasMessage = (text: string): boolean => {
  try {
    const message = (JSON.parse(text) as { data?: { message?: unknown } }).data?.message;
    return typeof message === 'string' && message.length > 0;
  } catch {
    return false;
  }
};

/** A merchant's credentials and a few intents (one paid, so refunds get past "not completed"). */
async function knownValues(base: string): Promise<Known> {
  const m = await sandboxMerchant(base);
  const known: Known = { tokenId: m.tokenId, authorization: basic(m), apiKey: m.apiKey, references: [], keys: [] };
  for (const key of ['FUZZ1', 'FUZZ2', 'FUZZ3']) {
    const res = await call(`${base}/api/payments/${m.tokenId}/pay`, {
      method: 'POST',
      headers: { authorization: known.authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 1000, description: 'fuzz', callbackUrl: `${base}/_sim/inbox/fuzz`, key }),
    });
    known.references.push((res.body as { data: { reference: string } }).data.reference);
    known.keys.push(key);
  }
  await call(`${base}/pay/${known.references[0]}/process?longPoll=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"type":"MPESA","payment":{"mobile":"254712345678"}}',
  });
  return known;
}

/** Requests to paths and methods no operation has. */
const strays = fc
  .tuple(
    fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
    fc.constantFrom('/', '/api', '/api/payments/x/pay', '/pay//process', '/_sim/nope', '/%zz', `/${'a'.repeat(4000)}`, '/api/payments-v2/', '/_sim/inbox/'),
  )
  .map(([method, path]): FuzzRequest => ({ method, path, headers: { 'content-type': 'application/json' }, body: Buffer.from('{}'), how: 'no such route' }));

/** The raw-socket shapes (fuzz-raw.ts), one connection each: every answer a 2xx or the envelope. */
async function sendRawShapes(port: string, report: FuzzReport): Promise<void> {
  for (const shape of RAW_SHAPES) {
    const answers = rawAnswers(await sendRaw(Number(port), shape.bytes));
    report.sent++;
    const fail = (bad: 'noAnswer' | 'fiveXX' | 'fourXXWithoutMessage', status: number) => {
      report[bad]++;
      if (report.failures.length < 20) report.failures.push({ status, method: 'RAW', path: '', how: shape.how, answer: '' });
    };
    if (answers.length === 0) fail('noAnswer', 0);
    for (const a of answers) {
      report.byStatus[a.status] = (report.byStatus[a.status] ?? 0) + 1;
      if (a.status >= 500) fail('fiveXX', a.status);
      else if (a.status >= 400 && !a.enveloped) fail('fourXXWithoutMessage', a.status);
    }
  }
}

export async function runFuzz(o: FuzzOptions): Promise<FuzzReport> {
  const dataDir = await mkdtemp(join(tmpdir(), 'littlepay-fuzz-'));
  const sim = await startServer(SIMULATOR, ['--port', '0', '--data-dir', dataDir, '--pin-delay-ms', '0', '--log-level', 'fatal']);
  const report: FuzzReport = { seed: o.seed, sent: 0, byStatus: {}, fiveXX: 0, noAnswer: 0, fourXXWithoutMessage: 0, aliveAfter: false, failures: [] };
  try {
    const known = await knownValues(sim.url);
    const operations = CONTRACT_FILES.flatMap((f) => new ContractSet().operations(f));
    const perOp = Math.ceil((o.count * 0.97) / operations.length);
    const requests = operations.flatMap((op, i) => fc.sample(requestArb(op, known), { numRuns: perOp, seed: o.seed + i }));
    requests.push(...fc.sample(strays, { numRuns: Math.max(1, o.count - requests.length), seed: o.seed - 1 }));
    // Interleaved, so that every operation sees the state the others leave behind.
    const order = fc.sample(
      fc.shuffledSubarray(
        requests.map((_, i) => i),
        { minLength: requests.length },
      ),
      { numRuns: 1, seed: o.seed },
    )[0]!;
    let next = 0;
    const runOne = async () => {
      while (next < order.length) {
        const r = requests[order[next++]!]!;
        const { status, text } = await send(sim.url, r);
        report.sent++;
        report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
        const bad = status === 0 ? 'noAnswer' : status >= 500 ? 'fiveXX' : status >= 400 && !hasMessage(text) ? 'fourXXWithoutMessage' : null;
        if (!bad) continue;
        report[bad]++;
        if (report.failures.length < 20) report.failures.push({ status, method: r.method, path: r.path.slice(0, 120), how: r.how, answer: text.slice(0, 200) });
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, runOne));
    await sendRawShapes(new URL(sim.url).port, report);
    report.aliveAfter = (await call(`${sim.url}/_sim/health`)).status === 200;
    o.log?.(`sent ${report.sent} requests to ${operations.length} operations; answers by status ${JSON.stringify(report.byStatus)}`);
    return report;
  } finally {
    agent.destroy();
    await sim.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
