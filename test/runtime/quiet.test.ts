// The one "wait until quiet" loop (simulator/src/runtime/quiet.ts) that a reset, a clock step and the
// tests' advance share: quiet is a run of turns with nothing found under way, and giving up is an error.
import { describe, expect, it } from 'vitest';
import { NotQuietError, untilQuiet } from '../../simulator/src/runtime/quiet.js';

/** A drain that answers busy for the listed turns (counted from 0) and records how often it ran. */
function drainBusyOn(busyTurns: number[]) {
  const seen = { turns: 0 };
  const drain = async () => busyTurns.includes(seen.turns++);
  return { seen, drain };
}

describe('untilQuiet', () => {
  it('resolves after the asked number of quiet turns in a row', async () => {
    const { seen, drain } = drainBusyOn([]);
    await untilQuiet({ what: 'nothing', drain, quietTurns: 5, maxTurns: 200 });
    expect(seen.turns).toBe(5);
  });

  it('starts counting again after a busy turn', async () => {
    const { seen, drain } = drainBusyOn([0, 3]);
    await untilQuiet({ what: 'a chain', drain, quietTurns: 3, maxTurns: 200 });
    // busy, quiet, quiet, busy, quiet, quiet, quiet
    expect(seen.turns).toBe(7);
  });

  it('gives up loudly: a NotQuietError naming what was waited for, after exactly maxTurns turns', async () => {
    const { seen, drain } = drainBusyOn(Array.from({ length: 1000 }, (_, i) => i));
    const waiting = untilQuiet({ what: 'the simulator', drain, quietTurns: 2, maxTurns: 50 });
    await expect(waiting).rejects.toBeInstanceOf(NotQuietError);
    await expect(waiting).rejects.toThrow('the simulator was still busy after 50 turns of the event loop (it needs 2 quiet in a row)');
    expect(seen.turns).toBe(50);
  });

  it('lets an error of the drain through unchanged', async () => {
    const broken = new Error('disk gone');
    await expect(untilQuiet({ what: 'x', drain: () => Promise.reject(broken), quietTurns: 1, maxTurns: 10 })).rejects.toBe(broken);
  });
});
