// How one callback is delivered: signed, POSTed, and described as the delivery log shows it. The outbox
// decides when; a courier does the rest, in one of two places with the same bytes and the same record:
// - in this thread (localCourier): signed in libuv's thread pool and sent through a Transport. Used for the
//   built-in inbox (answered in-process) and whenever a Transport is given (tests' receivers);
// - in the delivery worker (worker-courier.ts): signed and sent on a thread of its own, so the main thread,
//   which answers every request, spends about a message on each callback (decision 0116).
import type { KeyObject } from 'node:crypto';
import type { DeliveryRecord } from '../domain/records.js';
import { signCallbackAsync, unixSeconds } from './signing.js';
import { sendOnce, type Transport } from './transport.js';

/** One delivery of a callback's body to its URL. */
export interface DeliveryJob {
  url: string;
  body: unknown;
  /** The simulator's time for the signature's timestamp (decision 0030: not a merchant's test clock). */
  signedAtMs: number;
  /** When the delivery log says it was made (the merchant's clock). */
  at: string;
  timeoutMs: number;
}

export interface Courier {
  deliver(job: DeliveryJob): Promise<DeliveryRecord>;
  /** The simulator stops: anything the courier holds for it (a signing key in the worker) is let go. */
  release(): void;
}

export function localCourier(transport: Transport, privateKey: KeyObject): Courier {
  return {
    deliver: async (job) => sendOnce(transport, job.url, await signCallbackAsync(job.body, privateKey, job.signedAtMs), job.timeoutMs, job.at),
    release: () => {},
  };
}

/** Sends the jobs `local` takes to it, the rest to `remote`. */
export function splitCourier(local: Courier, remote: Courier, isLocal: (url: string) => boolean): Courier {
  return {
    deliver: (job) => (isLocal(job.url) ? local.deliver(job) : remote.deliver(job)),
    release: () => {
      local.release();
      remote.release();
    },
  };
}

/** A delivery that never reached the wire (its worker stopped, say): recorded like a network error, so it is retried. */
export function unsentDelivery(job: Pick<DeliveryJob, 'at' | 'signedAtMs'>, error: string): DeliveryRecord {
  return { at: job.at, ok: false, signature: { timestamp: unixSeconds(job.signedAtMs), value: '' }, error, latencyMs: 0 };
}
