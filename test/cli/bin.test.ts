// Which program bin/littlepay-sim.js starts, in a folder laid out like the package: the TypeScript sources
// through tsx when tsx is there, the build in dist/ when dependencies were installed without dev ones, and
// one line naming the way out when neither is. The folders are copies with stand-in entry points, so
// nothing real starts.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A package folder with the real bin, and the given files (path → content). */
function layout(files: Record<string, string>, withTsx: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'littlepay-bin-layout-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(ROOT, 'bin/littlepay-sim.js'), join(dir, 'bin/littlepay-sim.js'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  if (withTsx) {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(join(ROOT, 'node_modules/tsx'), join(dir, 'node_modules/tsx'));
  }
  return dir;
}

const start = (dir: string) =>
  spawnSync(process.execPath, [join(dir, 'bin/littlepay-sim.js')], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 15_000,
    env: { PATH: process.env.PATH, NODE_OPTIONS: '' },
  });

const SOURCE = { 'simulator/src/main.ts': "const from: string = 'sources';\nconsole.log(from);\n" };
const BUILT = { 'dist/simulator/src/main.js': "console.log('dist');\n" };

describe('bin/littlepay-sim.js', () => {
  it('runs the sources through tsx in a clone with its dev dependencies', () => {
    const res = start(layout({ ...SOURCE, ...BUILT }, true));
    expect([res.status, res.stdout.trim()]).toEqual([0, 'sources']);
  });

  it('runs dist/ in a clone installed without dev dependencies (no tsx), even though the sources are there', () => {
    const res = start(layout({ ...SOURCE, ...BUILT }, false));
    expect([res.status, res.stdout.trim()]).toEqual([0, 'dist']);
  });

  it('says what to do, in one line, when there is neither tsx nor a build', () => {
    const res = start(layout(SOURCE, false));
    expect(res.status).toBe(1);
    expect(res.stderr.trim()).toMatch(/^littlepay-sim: neither tsx .* nor a build in dist\/ is here: run `npm install`/);
  });
});
