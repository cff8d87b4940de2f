// The crash test: the persisted simulator, under a steady load of creates and M-Pesa payments, is killed
// with SIGKILL at a random moment, then restarted on the same data folder. Every store file must still
// parse, every intent that any answer showed must be there, with at least as many attempts as any answer
// showed, and no reference may ever be handed out twice. "Any answer": each create goes out together
// with a same-key retry and a status read, and each payment with a status read, so an answer that came
// from a record whose write was still under way (not only the first answer to a write) is caught too.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, SIMULATOR, startServer, type Server } from '../../bench/lib/servers.js';
import { basic, call, sandboxMerchant, seeded, type Credentials } from './http.js';

export interface CrashOptions {
  kills: number;
  workers: number;
  /** A kill comes at a random moment between these many ms after the load starts. */
  killAfterMs: [number, number];
  seed: number;
  log?: (line: string) => void;
}

export interface CrashReport {
  seed: number;
  kills: number;
  answered: number;
  found: number;
  lost: number;
  answeredPayments: number;
  /** Intents known only from a same-key retry or a status read (the first create's answer was not a 200). */
  answeredByRetryOrRead: number;
  /** Status reads that showed an attempt the payment's own answer had not (yet) shown. */
  attemptsSeenByReads: number;
  /** A retry and its first create answered with different references (must be 0). */
  conflictingAnswers: number;
  missingAttempts: number;
  duplicateReferences: number;
  unparsableFiles: string[];
}

interface Answered {
  key: string;
  payments: number;
}

interface Seen {
  answered: Map<string, Answered>;
  references: string[];
  report: CrashReport;
}

/**
 * Folds every 2,000 superseded versions (a payment supersedes its intent's earlier versions): several
 * compactions a run, so that kills land in them too, not only in log writes.
 */
const COMPACT_AFTER = '2000';

async function startSim(dataDir: string, port: number): Promise<Server> {
  return startServer(SIMULATOR, [
    '--port',
    String(port),
    '--data-dir',
    dataDir,
    '--pin-delay-ms',
    '20',
    '--log-level',
    'error',
    '--store-compact-after',
    COMPACT_AFTER,
  ]);
}

type Status = { data?: { reference?: string; key?: string; attempts?: unknown[] } } | null;

const readStatus = (base: string, m: Credentials, key: string) => call(`${base}/api/payments-v2/${key}`, { headers: { 'x-api-key': m.apiKey } });

/**
 * A create sent together with a same-key retry and a status read: whichever of them answers shows the
 * intent, and so must the store after a crash. The reference, or undefined when none of them showed it.
 */
async function createWithRetryAndRead(base: string, m: Credentials, key: string, seen: Seen): Promise<string | undefined> {
  const create = () =>
    call(`${base}/api/payments/${m.tokenId}/pay`, {
      method: 'POST',
      headers: { authorization: basic(m), 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 100, description: 'crash test', callbackUrl: `${base}/_sim/inbox/crash`, key }),
    });
  const [created, retried, read] = await Promise.all([create(), create(), readStatus(base, m, key)]);
  const referenceOf = (a: { status: number; body: unknown }) => (a.status === 200 ? (a.body as Status)?.data?.reference : undefined);
  const [first, retry, status] = [referenceOf(created), referenceOf(retried), referenceOf(read)];
  if (first && retry && first !== retry) seen.report.conflictingAnswers++;
  const reference = first ?? retry ?? status;
  if (reference && !first) seen.report.answeredByRetryOrRead++;
  return reference;
}

/** Creates and pays intents until `stop()` is true; records what any answer showed. */
async function worker(base: string, m: Credentials, id: number, seen: Seen, stop: () => boolean): Promise<void> {
  for (let n = 0; !stop(); n++) {
    const key = `W${id}_${Date.now().toString(36)}_${n}`;
    const reference = await createWithRetryAndRead(base, m, key, seen);
    if (!reference) continue;
    seen.references.push(reference);
    const entry: Answered = { key, payments: 0 };
    seen.answered.set(reference, entry);
    const [paid, read] = await Promise.all([
      call(`${base}/pay/${reference}/process`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type":"MPESA","payment":{"mobile":"254712345678"}}',
      }),
      readStatus(base, m, key),
    ]);
    const attemptsRead = read.status === 200 ? ((read.body as Status)?.data?.attempts?.length ?? 0) : 0;
    if (attemptsRead > 0 && paid.status !== 200) seen.report.attemptsSeenByReads++;
    entry.payments = Math.max(paid.status === 200 ? 1 : 0, attemptsRead);
  }
}

/** Every file of the store must be whole JSON (SIGKILL cannot cut a write in the middle). */
async function unparsable(dataDir: string): Promise<string[]> {
  const bad: string[] = [];
  const dir = join(dataDir, 'store');
  for (const f of await readdir(dir)) {
    if (f.startsWith('.')) continue; // temp files: writes that had not finished, never read
    try {
      JSON.parse(await readFile(join(dir, f), 'utf8'));
    } catch {
      bad.push(f);
    }
  }
  return bad;
}

async function verify(base: string, m: Credentials, answered: Map<string, Answered>, report: CrashReport): Promise<void> {
  const entries = [...answered.entries()];
  report.found = 0;
  report.missingAttempts = 0;
  for (let i = 0; i < entries.length; i += 50) {
    await Promise.all(
      entries.slice(i, i + 50).map(async ([reference, a]) => {
        const res = await call(`${base}/api/payments-v2/${reference}`, { headers: { 'x-api-key': m.apiKey } });
        const data = (res.body as { data?: { key?: string; attempts?: unknown[] } } | null)?.data;
        if (res.status !== 200 || data?.key !== a.key) return;
        report.found++;
        if ((data.attempts?.length ?? 0) < a.payments) report.missingAttempts++;
      }),
    );
  }
  report.lost = report.answered - report.found;
}

export async function runCrashTest(o: CrashOptions): Promise<CrashReport> {
  const random = seeded(o.seed);
  const dataDir = await mkdtemp(join(tmpdir(), 'littlepay-crash-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const answered = new Map<string, Answered>();
  const report: CrashReport = {
    seed: o.seed,
    kills: 0,
    answered: 0,
    found: 0,
    lost: 0,
    answeredPayments: 0,
    answeredByRetryOrRead: 0,
    attemptsSeenByReads: 0,
    conflictingAnswers: 0,
    missingAttempts: 0,
    duplicateReferences: 0,
    unparsableFiles: [],
  };
  const seen: Seen = { answered, references: [], report };
  try {
    let sim = await startSim(dataDir, port);
    for (let k = 0; k < o.kills; k++) {
      const m = await sandboxMerchant(base);
      let stopped = false;
      const load = Array.from({ length: o.workers }, (_, w) => worker(base, m, k * 100 + w, seen, () => stopped));
      const [lo, hi] = o.killAfterMs;
      await new Promise((r) => setTimeout(r, lo + random() * (hi - lo)));
      await sim.kill();
      stopped = true;
      await Promise.all(load);
      report.kills++;
      report.unparsableFiles.push(...(await unparsable(dataDir)).map((f) => `after kill ${k + 1}: ${f}`));
      sim = await startSim(dataDir, port);
      report.answered = answered.size;
      report.answeredPayments = [...answered.values()].reduce((n, a) => n + a.payments, 0);
      await verify(base, m, answered, report);
      report.duplicateReferences = seen.references.length - new Set(seen.references).size;
      o.log?.(
        `kill ${k + 1}/${o.kills}: answered ${report.answered}, found ${report.found}, lost ${report.lost}, payments answered ${report.answeredPayments}, known only from a retry or read ${report.answeredByRetryOrRead}, intents missing an attempt ${report.missingAttempts}, references handed out twice ${report.duplicateReferences}`,
      );
    }
    await sim.stop();
    return report;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
