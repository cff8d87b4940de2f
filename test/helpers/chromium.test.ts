// Where the browser tests look for Chromium (decision 0092): the setting first, then PATH, then the
// installers' places; a machine with none gets a reason and the way to get one, never a spawn error.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findChromium, HOW_TO_GET_CHROMIUM, skipLine } from './chromium.js';

const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, even when another browser is on PATH', () => {
    const found = findChromium({
      env: { CHROMIUM_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' },
      platform: 'linux',
      exists: only('/opt/chrome/chrome', '/usr/bin/chromium'),
    });
    expect(found).toEqual({ path: '/opt/chrome/chrome' });
  });

  it('reports a CHROMIUM_PATH that names nothing instead of picking another browser', () => {
    const found = findChromium({ env: { CHROMIUM_PATH: '/nowhere/chrome', PATH: '/usr/bin' }, platform: 'linux', exists: only('/usr/bin/chromium') });
    expect(found).toEqual({ problem: 'CHROMIUM_PATH=/nowhere/chrome does not exist' });
  });

  it("finds Debian's chromium, Ubuntu's chromium-browser and Google Chrome on PATH", () => {
    const env = { PATH: '/usr/local/bin:/usr/bin:/snap/bin' };
    expect(findChromium({ env, platform: 'linux', exists: only('/usr/bin/chromium') }).path).toBe('/usr/bin/chromium');
    expect(findChromium({ env, platform: 'linux', exists: only('/snap/bin/chromium-browser') }).path).toBe('/snap/bin/chromium-browser');
    expect(findChromium({ env, platform: 'linux', exists: only('/usr/bin/google-chrome-stable') }).path).toBe('/usr/bin/google-chrome-stable');
  });

  it('finds Google Chrome where its macOS installer puts it, off PATH', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findChromium({ env: { PATH: '/usr/bin:/opt/homebrew/bin' }, platform: 'darwin', exists: only(chrome) })).toEqual({ path: chrome });
  });

  it('without any, says what it looked for and how to get one', () => {
    const found = findChromium({ env: { PATH: '/usr/bin' }, platform: 'darwin', exists: () => false });
    expect(found.path).toBeUndefined();
    const line = skipLine('problem' in found ? found.problem : '');
    expect(line).toMatch(/^browser tests skipped: no Chromium or Chrome on PATH .*; to run them, install Chromium .* or set CHROMIUM_PATH/);
    expect(line).toContain(HOW_TO_GET_CHROMIUM);
    expect(line).not.toContain('\n');
  });
});

describe.concurrent('the browser tests on a machine without Chromium', { timeout: 120_000 }, () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  // A nested `vitest run` of one browser file, with an empty PATH and no CHROMIUM_PATH: no browser, whatever
  // this machine has. The default reporter only, so CI's JSON report is not overwritten.
  const run = (ci: boolean) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const args = ['node_modules/vitest/vitest.mjs', 'run', 'test/browser/console.test.ts', '--reporter=default'];
      const env = {
        ...process.env,
        CHROMIUM_PATH: '',
        PATH: '',
        CI: ci ? 'true' : '',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        LITTLEPAY_TEST_LOG_DIR: '',
        LITTLEPAY_TEST_REPLY_LOG: '',
      };
      const child = execFile(process.execPath, args, { cwd: root, env, timeout: 120_000 }, (_err, stdout, stderr) =>
        resolve({ status: child.exitCode, stdout, stderr }),
      );
    });

  it('are skipped with one line saying how to get them', async () => {
    const result = await run(false);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n').filter((l) => l.includes('browser tests skipped'));
    expect(lines).toHaveLength(1);
    // Every test of the file skipped, none run (however many the file has).
    const [, skipped, all] = /Tests\s+(\d+) skipped \((\d+)\)/.exec(result.stdout) ?? [];
    expect(skipped).toBeDefined();
    expect(skipped).toBe(all);
  });

  it('fail in CI instead of being skipped', async () => {
    const result = await run(true);
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('no Chromium for the browser tests');
  });
});
