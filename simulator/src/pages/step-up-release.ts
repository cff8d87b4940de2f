// The order the official client sees after a challenge (docs/decisions/0082): on the real service the
// payment is authorised only after the challenge result reaches Little Pay, so the step-up page's
// postMessage({action}) reaches the browser before the answer of a long-polled process. Here the answer
// is one process, so a held process is released only once the answer page has been sent and its script
// has posted its message and said so (a beacon), or, for a browser that never runs it, a bounded while
// after the page was sent, on the merchant's clock.
import type { FastifyReply } from 'fastify';
import type { SimClock } from '../runtime/clock.js';

/** How long after the answer page is sent a held process waits for the page's beacon. */
export const STEP_UP_RELEASE_FALLBACK_MS = 2000;

export const DELIVERED_PATH_SUFFIX = '/delivered';

/** The held processes of challenges answered on the page, by `${reference}:${challengeId}`. */
export class StepUpReleases {
  private readonly pending = new Map<string, () => void>();

  /**
   * Lets go of `release` when the page's beacon names this challenge, or STEP_UP_RELEASE_FALLBACK_MS after
   * the reply has been sent, or at once if the connection closes before it was.
   */
  track(reference: string, challengeId: string, release: () => void, reply: FastifyReply, clock: SimClock): void {
    const key = `${reference}:${challengeId}`;
    let cancelFallback = () => {};
    const done = () => {
      cancelFallback();
      this.pending.delete(key);
      release();
    };
    this.pending.set(key, done);
    let sent = false;
    reply.raw.once('finish', () => {
      sent = true;
      cancelFallback = clock.at(clock.now() + STEP_UP_RELEASE_FALLBACK_MS, done);
    });
    // A connection closed before the page was sent: no page will post anything.
    reply.raw.once('close', () => {
      if (!sent) done();
    });
  }

  /** The page's beacon: its message has been posted. Unknown or repeated beacons change nothing. */
  delivered(reference: string, challengeId: string): boolean {
    const done = this.pending.get(`${reference}:${challengeId}`);
    done?.();
    return done !== undefined;
  }
}
