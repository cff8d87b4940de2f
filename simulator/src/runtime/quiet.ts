// Waiting until quiet: the work a clock move or a request sets off is a chain (a timer commits an attempt,
// the commit schedules a callback for the next turn, the delivery commits again), so "done" is a run of
// event-loop turns in which nothing was found under way. One loop for a reset, a clock's steps and the
// tests; when it gives up it says so, rather than letting its caller go on as if all were quiet.

/** Thrown when the work never went quiet: its message names what was waited for and for how long. */
export class NotQuietError extends Error {
  override readonly name = 'NotQuietError';
}

export interface QuietWait {
  /** What is waited for, for the error: "the simulator", "a clock step". */
  what: string;
  /** Waits for the work under way; answers whether there was any (or more is due), so the turn was not quiet. */
  drain: () => Promise<boolean>;
  /** Quiet turns in a row that mean quiet. */
  quietTurns: number;
  /** Turns at most before NotQuietError. */
  maxTurns: number;
}

export async function untilQuiet(wait: QuietWait): Promise<void> {
  let quiet = 0;
  for (let turn = 0; turn < wait.maxTurns; turn++) {
    // A turn first: due timers and deliveries scheduled with setImmediate start in it.
    await new Promise((resolve) => setImmediate(resolve));
    quiet = (await wait.drain()) ? 0 : quiet + 1;
    if (quiet >= wait.quietTurns) return;
  }
  throw new NotQuietError(
    `${wait.what} was still busy after ${wait.maxTurns} turns of the event loop (it needs ${wait.quietTurns} quiet in a row): work that keeps starting more work`,
  );
}
