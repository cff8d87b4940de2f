// The delivery worker (decisions 0116 and 0124): has callbacks signed and POSTs them, off the main thread,
// with the same signing and transport code as a delivery made in the main thread, so its bytes, its timing
// and its delivery log entry are the same. Started by worker-courier.ts; one job in, one delivery record out.
import type { KeyObject } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import type { DeliveryRecord } from '../domain/records.js';
import { unsentDelivery } from './courier.js';
import { signCallbackTextAsync, type SignedCallback } from './signing.js';
import { httpTransport, sendOnce } from './transport.js';
import type { FromWorker, ToWorker } from './worker-courier.js';

const port = parentPort;
if (!port) throw new Error('delivery-worker.ts runs as a worker thread (worker-courier.ts starts it)');

const keys = new Map<number, KeyObject>();

port.on('message', (message: ToWorker) => {
  if (message.kind === 'key') keys.set(message.keyId, message.key);
  else if (message.kind === 'forget') keys.delete(message.keyId);
  else void deliver(message).then((delivery) => port.postMessage({ id: message.id, delivery } satisfies FromWorker));
});

type Job = Extract<ToWorker, { kind: 'job' }>;

/**
 * The signature is made in libuv's thread pool, not in this thread (decision 0124): signed one at a time
 * here, callbacks fell behind under load and were still being signed, on one core, seconds after the load
 * ended. At most one fewer at once than the pool has threads (libuv's 4 unless UV_THREADPOOL_SIZE says
 * otherwise), so one thread is always free for the store's writes and fdatasyncs, which share the pool.
 */
const POOL_THREADS = Number(process.env.UV_THREADPOOL_SIZE) || 4;
const SIGNING_AT_ONCE = Math.max(1, Math.min(POOL_THREADS, 1024) - 1);
let signing = 0;
const queued: Array<() => void> = [];

async function signInPool(job: Job, key: KeyObject): Promise<SignedCallback> {
  // A finished signature hands its place straight to the next in the queue.
  if (signing < SIGNING_AT_ONCE) signing++;
  else await new Promise<void>((resolve) => queued.push(resolve));
  try {
    return await signCallbackTextAsync(job.json, key, job.signedAtMs);
  } finally {
    const next = queued.shift();
    if (next) next();
    else signing--;
  }
}

/** Every job is answered: whatever goes wrong before the wire is recorded like a network error (and retried). */
async function deliver(job: Job): Promise<DeliveryRecord> {
  try {
    const key = keys.get(job.keyId);
    // Cannot happen: a key is registered before its first job and forgotten after its last.
    if (!key) return unsentDelivery(job, 'no signing key');
    return await sendOnce(httpTransport, job.url, await signInPool(job, key), job.timeoutMs, job.at);
  } catch (err) {
    return unsentDelivery(job, (err as Error).message);
  }
}
