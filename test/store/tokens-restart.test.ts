// Saved cards across a restart on the same lowdb data folder: a token whose payment was answered is still
// there after the restart, still bound to its merchant, and pays a new intent; another merchant still
// cannot use it. The card's number and CVV are in none of the store's files.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dataOf, OTHER_VISA } from '../helpers/cards.js';
import { createIntent, startTestSim } from '../helpers/sim.js';
import { filesUnder, tempDir } from '../helpers/temp-dirs.js';
import { payWithToken, saveCard } from '../helpers/tokens.js';

describe('saved cards on the persisted store', () => {
  it('survive a restart, bound to their merchant, and never hold the card number or CVV', async () => {
    const dataDir = await tempDir('littlepay-sim-tokens-');
    const first = await startTestSim({ memory: false, dataDir });
    const token = await saveCard(first, first.sandbox, 'SAVE1', OTHER_VISA, { cc_cvv: '987' });
    await first.close();

    for (const file of await filesUnder(dataDir)) {
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toContain(OTHER_VISA);
      expect(text, file).not.toMatch(/"cc_cvv"|"cc_number"/);
    }

    const second = await startTestSim({ memory: false, dataDir });
    const mine = (await createIntent(second, second.sandbox, { key: 'AFTER1' })).reference;
    expect(dataOf(await payWithToken(second, mine, token)).status).toBe('COMPLETED');
    const theirs = (await createIntent(second, second.sandbox2, { key: 'AFTER2' })).reference;
    expect(dataOf(await payWithToken(second, theirs, token), 403).code).toBe('TOKEN_OTHER_MERCHANT');
  });
});
