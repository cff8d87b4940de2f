// A log segment's first write, cut by a crash (here: the write fails), never leaves a file under the
// segment's name that is not JSON: the header and the first changes are written and synced under a
// temporary name (the spare, or a new one), and the segment takes its name only once they are whole.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppendOnlyJsonFile } from '../../simulator/src/store/append-file.js';
import type { Change } from '../../simulator/src/store/store.js';
import { FileHandle } from '../helpers/file-handle.js';
import { tempDir } from '../helpers/temp-dirs.js';

const change = (id: string): Change => ({ collection: 'meta', value: { id: 'counters', values: { [id]: 1 } } }) as Change;

async function segmentsIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => !f.startsWith('.'));
}

describe('a log segment cut short at its first write', () => {
  it.each([
    ['from a spare of spaces', true],
    ['without a spare', false],
  ])('%s: no file under the segment name until the first changes are whole, and then they read back', async (_name, withSpare) => {
    const dir = await tempDir('littlepay-append-');
    const path = join(dir, 'wal-000000000001.json');
    const spare = join(dir, '.wal-spare-1.tmp');
    if (withSpare) await writeFile(spare, ' '.repeat(64 * 1024));
    const file = new AppendOnlyJsonFile(path);
    file.adopt(withSpare ? spare : null);
    const write = vi.spyOn(FileHandle.prototype, 'write').mockRejectedValueOnce(new Error('killed'));
    await expect(file.write({ version: 2, seq: 1, changes: [change('a')] })).rejects.toThrow('killed');
    write.mockRestore();
    // What a restart sees: no segment (nothing in it was answered), rather than one that is not JSON.
    expect(await segmentsIn(dir)).toEqual([]);

    const again = new AppendOnlyJsonFile(join(dir, 'wal-000000000002.json'));
    await again.write({ version: 2, seq: 2, changes: [change('b'), change('c')] });
    await again.write({ version: 2, seq: 2, changes: [change('d')] });
    await again.close();
    expect(JSON.parse(await readFile(join(dir, 'wal-000000000002.json'), 'utf8')).changes).toHaveLength(3);
  });
});
