// STORE_COMPACT_AFTER reaches the persisted store the app builds: how many superseded versions (updates,
// removals) its log holds before it is folded into chunks (docs/decisions/0056).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OTHER_VISA } from '../helpers/cards.js';
import { startTestSim } from '../helpers/sim.js';
import { tempDir } from '../helpers/temp-dirs.js';
import { eventually } from '../helpers/store-fixtures.js';
import { saveCard } from '../helpers/tokens.js';

const chunks = async (dataDir: string) => (await readdir(join(dataDir, 'store'))).filter((f) => f.startsWith('page-intents-'));

describe('the store compaction setting', () => {
  it('with STORE_COMPACT_AFTER=1 a payment, which updates its intent, has the log folded into chunks', async () => {
    const dataDir = await tempDir('littlepay-sim-compact-');
    const sim = await startTestSim({ memory: false, dataDir, storeCompactAfter: 1 });
    await saveCard(sim, sim.sandbox, 'SAVE1', OTHER_VISA);
    await eventually(async () => (await chunks(dataDir)).length > 0);
    await sim.close();
  });

  it('with the default the same payment leaves everything in the log, and a restart reads it from there', async () => {
    const dataDir = await tempDir('littlepay-sim-compact-');
    const sim = await startTestSim({ memory: false, dataDir });
    const token = await saveCard(sim, sim.sandbox, 'SAVE1', OTHER_VISA);
    await sim.close();
    expect(await chunks(dataDir)).toEqual([]);
    const again = await startTestSim({ memory: false, dataDir });
    const saved = [...again.app.sim.ctx.store.all('tokens')].map((t) => t.id);
    expect(saved).toContain(token);
    await again.close();
  });
});
