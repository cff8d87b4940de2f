// The delivery worker (decision 0116): signs callbacks and POSTs them, on a thread of its own, with the
// same signing and transport code as a delivery made in the main thread, so its bytes, its timing and its
// delivery log entry are the same. Started by worker-courier.ts; one job in, one delivery record out.
import type { KeyObject } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import type { DeliveryRecord } from '../domain/records.js';
import { unsentDelivery } from './courier.js';
import { signCallbackText } from './signing.js';
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
 * Every job is answered: whatever goes wrong before the wire is recorded like a network error (and retried).
 * The signature is made here, synchronously: made in libuv's pool instead, callbacks kept up with a
 * saturating load, but the requests' p99 rose by half and more (decision 0124).
 */
async function deliver(job: Job): Promise<DeliveryRecord> {
  try {
    const key = keys.get(job.keyId);
    // Cannot happen: a key is registered before its first job and forgotten after its last.
    if (!key) return unsentDelivery(job, 'no signing key');
    return await sendOnce(httpTransport, job.url, signCallbackText(job.json, key, job.signedAtMs), job.timeoutMs, job.at);
  } catch (err) {
    return unsentDelivery(job, (err as Error).message);
  }
}
