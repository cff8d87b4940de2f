// syncPactFile: a regenerated pact rewrites the committed one only when the contract in it changed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syncPactFile } from './pact-file.js';

const dir = mkdtempSync(join(tmpdir(), 'pact-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pact = (interaction: string, pactJs: string) =>
  `${JSON.stringify({ consumer: { name: 'c' }, interactions: [{ description: interaction }], metadata: { 'pact-js': { version: pactJs } }, provider: { name: 'p' } }, null, 2)}\n`;

describe('syncPactFile', () => {
  it('leaves the committed pact alone when only the versions that wrote it differ', () => {
    const path = join(dir, 'same.json');
    writeFileSync(path, pact('a call', '16.5.0'));
    expect(syncPactFile(pact('a call', '17.1.0'), path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(pact('a call', '16.5.0'));
  });

  it('rewrites it, and says so, when an interaction changed or there was none', () => {
    const path = join(dir, 'changed.json');
    writeFileSync(path, pact('a call', '16.5.0'));
    expect(syncPactFile(pact('another call', '16.5.0'), path)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(pact('another call', '16.5.0'));
    const fresh = join(dir, 'new', 'pact.json');
    expect(syncPactFile(pact('a call', '16.5.0'), fresh)).toBe(false);
    expect(readFileSync(fresh, 'utf8')).toBe(pact('a call', '16.5.0'));
  });
});
