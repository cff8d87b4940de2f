// The main thread's side of the delivery worker (delivery-worker.ts, decision 0116). Under the journey
// load a callback's RSA signature and its HTTP exchange were about a third of the main thread's time; on a
// thread of their own the main thread spends a message each way on a callback and goes on answering
// requests, and a second core does the rest.
//
// One worker per process, started with the first callback it is given (a simulator that sends none, and
// every start, pays nothing), and shared by every simulator in the process (a test file builds dozens):
// each registers its signing key and names it in its jobs. The worker holds the process open only while a
// delivery is under way, as the sockets of an in-thread delivery would. If it dies, the deliveries it held
// are recorded as failed (the outbox retries them on the usual schedule) and the next callback starts a new one.
import type { KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DeliveryRecord } from '../domain/records.js';
import { unsentDelivery, type Courier, type DeliveryJob } from './courier.js';

/** What the main thread tells the worker. */
export type ToWorker =
  | { kind: 'key'; keyId: number; key: KeyObject }
  | { kind: 'forget'; keyId: number }
  | { kind: 'job'; id: number; keyId: number; url: string; json: string; signedAtMs: number; at: string; timeoutMs: number };
/** What the worker answers: one per job. */
export interface FromWorker {
  id: number;
  delivery: DeliveryRecord;
}

interface Pending {
  job: DeliveryJob;
  resolve: (delivery: DeliveryRecord) => void;
}

/**
 * Starts the worker from its file beside this one: JavaScript in a build; TypeScript in a checkout, which
 * the worker cannot load as its entry by itself (tsx may be registered in this thread only, as
 * bin/littlepay-sim.js and test runners do, and Node 20 gives a worker's entry no loader from --import): a
 * line of JavaScript registers tsx in the worker, from where this checkout has it, then imports the file.
 */
function startWorker(): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  const file = new URL(`./delivery-worker${ext}`, import.meta.url);
  if (ext !== '.ts') return new Worker(file);
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const exported = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!;
  const api = pathToFileURL(join(dirname(manifest), exported.import.default)).href;
  return new Worker(`import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(file.href)}); });`, { eval: true });
}

class DeliveryWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly keys = new Map<number, KeyObject>();
  private jobs = 0;
  private keyIds = 0;

  register(key: KeyObject): number {
    const keyId = ++this.keyIds;
    this.keys.set(keyId, key);
    this.post({ kind: 'key', keyId, key }, false);
    return keyId;
  }

  forget(keyId: number): void {
    if (this.keys.delete(keyId)) this.post({ kind: 'forget', keyId }, false);
  }

  deliver(keyId: number, job: DeliveryJob): Promise<DeliveryRecord> {
    const id = ++this.jobs;
    return new Promise((resolve) => {
      this.pending.set(id, { job, resolve });
      if (this.pending.size === 1) this.started().ref();
      this.post(
        { kind: 'job', id, keyId, url: job.url, json: JSON.stringify(job.body), signedAtMs: job.signedAtMs, at: job.at, timeoutMs: job.timeoutMs },
        true,
      );
    });
  }

  get running(): boolean {
    return this.worker !== null;
  }

  /** Ends the worker now; deliveries it held are recorded as failed (and retried), the next one starts a new worker. */
  async stop(): Promise<void> {
    await this.worker?.terminate();
  }

  /** Posts to the worker; a key need not start one (it is sent when the worker starts). */
  private post(message: ToWorker, start: boolean): void {
    const worker = start ? this.started() : this.worker;
    worker?.postMessage(message);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    this.worker = worker;
    worker.unref();
    for (const [keyId, key] of this.keys) worker.postMessage({ kind: 'key', keyId, key } satisfies ToWorker);
    worker.on('message', (message: FromWorker) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      waiting.resolve(message.delivery);
    });
    const gone = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        waiting.resolve(unsentDelivery(waiting.job, `delivery worker stopped (${reason})`));
      }
    };
    worker.on('error', (err) => gone(err.message));
    worker.on('exit', (code) => gone(`exit code ${code}`));
    return worker;
  }
}

let shared: DeliveryWorker | null = null;

/** A courier that signs with `privateKey` and sends over HTTP(S) in the process's delivery worker. */
export function workerCourier(privateKey: KeyObject): Courier {
  shared ??= new DeliveryWorker();
  const worker = shared;
  let keyId: number | null = null;
  return {
    deliver: (job) => worker.deliver((keyId ??= worker.register(privateKey)), job),
    release: () => {
      if (keyId !== null) worker.forget(keyId);
      keyId = null;
    },
  };
}

/** Whether the process's delivery worker is running (it starts with the first callback sent through it). */
export const deliveryWorkerRunning = (): boolean => shared?.running ?? false;

/**
 * Ends the process's delivery worker (a host that embeds the simulator and wants no thread left, a test of
 * what a dead worker leaves): deliveries under way are recorded as failed and retried on their schedule.
 */
export const stopDeliveryWorker = async (): Promise<void> => shared?.stop();
