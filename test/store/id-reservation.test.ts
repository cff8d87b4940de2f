// The id counters are stored as ceilings reserved ahead of them (domain/ids.ts, decision 0053): only the
// commit that opens a block carries them. The ids stay those of the seed, a crash repeats none, and a
// graceful stop stores the exact counters, so a run with restarts hands out the same ids as one without.
import { cp } from 'node:fs/promises';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../simulator/src/app.js';
import { defaultConfig } from '../../simulator/src/config.js';
import { Ids, RESERVED_IDS } from '../../simulator/src/domain/ids.js';
import { isTempFile } from '../../simulator/src/store/durable-file.js';
import { createLowdbStore } from '../../simulator/src/store/lowdb-store.js';
import { createIntent, startTestSim } from '../helpers/sim.js';
import { tempDir } from '../helpers/store-fixtures.js';

describe('id counters reserved in blocks', () => {
  it("hands out the seed's sequence, and reports a ceiling only when a stream opens a new block", () => {
    const ids = new Ids('seed');
    const reference = new Ids('seed', {});
    expect(ids.takeDirty()).toBeNull();
    const first = ids.uuid('intent');
    expect(first).toBe(reference.uuid('intent'));
    expect(ids.takeDirty()).toEqual({ intent: RESERVED_IDS });
    for (let n = 2; n <= RESERVED_IDS; n++) ids.uuid('intent');
    expect(ids.takeDirty()).toBeNull();
    expect(ids.exact()).toEqual({ intent: RESERVED_IDS });
    expect(ids.ahead).toBe(false);
    ids.uuid('intent');
    expect(ids.takeDirty()).toEqual({ intent: 2 * RESERVED_IDS });
    expect(ids.exact()).toEqual({ intent: RESERVED_IDS + 1 });
    expect(ids.ahead).toBe(true);
    // The n-th id depends on n only: a start from stored counters goes on with the very next one.
    const resumed = new Ids('seed', ids.exact());
    expect(resumed.uuid('intent')).toBe(ids.uuid('intent'));
  });

  it('a crash (no graceful stop) repeats no id: the next start goes on from the stored ceiling', async () => {
    const dataDir = await tempDir();
    const sim = await startTestSim({ memory: false, dataDir }, { store: createLowdbStore(dataDir) });
    const before: string[] = [];
    for (let n = 0; n < 3; n++) before.push((await createIntent(sim, sim.sandbox, { key: `K${n}` })).reference);
    // A copy of the folder while it runs: what a SIGKILL would leave (every answered write is on disk).
    // Temp files are left out: a start removes them unread, and the spare segment being prepared beside
    // the writes may be renamed while it is copied (seen once as a failure of this test under load).
    const crashed = await tempDir();
    await cp(dataDir, crashed, { recursive: true, filter: (src) => !isTempFile(basename(src)) });
    const config = defaultConfig({ memory: false, dataDir: crashed, clock: 'manual' });
    const restarted = await buildApp({ config, keys: sim.app.sim.ctx.keys });
    expect(restarted.sim.ctx.store.get('meta', 'counters')?.values.intent).toBe(RESERVED_IDS);
    const next = restarted.sim.ctx.ids.uuid('intent');
    expect(before).not.toContain(next);
    expect(next).toBe(new Ids(config.seed, { intent: RESERVED_IDS }).uuid('intent'));
    await restarted.close();
  });

  it('a graceful stop stores the exact counters: a restart goes on with the id an uninterrupted run gets next', async () => {
    const dataDir = await tempDir();
    const config = defaultConfig({ memory: false, dataDir, clock: 'manual' });
    const first = await buildApp({ config });
    await first.ready();
    const used = first.sim.ctx.ids.exact();
    const expected = new Ids(config.seed, used).uuid('intent');
    await first.close();
    const second = await buildApp({ config });
    expect(second.sim.ctx.store.get('meta', 'counters')?.values).toEqual(used);
    expect(second.sim.ctx.ids.uuid('intent')).toBe(expected);
    await second.close();
  });
});
