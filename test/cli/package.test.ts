// The package is publishable and says the same thing everywhere (decisions 0091, 0093): what package.json
// promises (engines, exports, bin) is what CI's package check proves and what the image's labels carry.
// The check itself (.ci/package-check.sh) packs, installs and runs it; this keeps the promises in line.
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(root + path, 'utf8');
const pkg = JSON.parse(read('package.json')) as {
  name: string;
  version: string;
  license: string;
  private?: boolean;
  engines: { node: string };
  bin: Record<string, string>;
  files: string[];
  types: string;
  exports: Record<string, string | { types: string; default: string }>;
};

/** dist/ mirrors the sources (scripts/build.ts): dist/x/y.js is compiled from x/y.ts. */
const sourceOf = (distPath: string) => distPath.replace(/^\.\/dist\//, '').replace(/\.d\.ts$|\.js$/, '.ts');

describe('package.json', () => {
  it('can be published: not private, a licence file, and only bin/ and dist/ in the tarball', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License/);
    expect(pkg.files).toEqual(['bin', 'dist']);
  });

  it('exports the library and the client, each with its types, compiled from a source that exists', () => {
    expect(Object.keys(pkg.exports)).toEqual(['.', './client', './package.json']);
    for (const entry of [pkg.exports['.'], pkg.exports['./client']]) {
      if (typeof entry !== 'object') throw new Error('an export without types');
      expect(entry.types).toBe(entry.default.replace(/\.js$/, '.d.ts'));
      expect(existsSync(root + sourceOf(entry.default))).toBe(true);
    }
    expect(pkg.types).toBe((pkg.exports['.'] as { types: string }).types);
  });

  it('has the littlepay-sim command as an executable file', () => {
    expect(pkg.bin).toEqual({ 'littlepay-sim': 'bin/littlepay-sim.js' });
    expect(() => accessSync(root + pkg.bin['littlepay-sim'], constants.X_OK)).not.toThrow();
  });
});

describe('the Node versions', () => {
  const floor = /^\^(\d+\.\d+\.\d+) \|\| >=(\d+)\.0\.0$/.exec(pkg.engines.node);

  it('engines names a floor on 22 and every version from 24 on (Node 20 is out of support)', () => {
    expect(pkg.engines.node).toBe('^22.13.0 || >=24.0.0');
  });

  it('CI proves the floor of engines, the Node of the Docker image and a newer LTS', () => {
    const versions = /NODE_VERSIONS:-([\d. ]+)\}/.exec(read('.ci/package-check.sh'))![1]!.split(' ');
    expect(versions[0]).toBe(floor![1]);
    const imageNode = /NODE_VERSION=(\d+\.\d+\.\d+)/.exec(read('.ci/run'))![1];
    expect(versions).toContain(imageNode);
    expect(versions.some((v) => Number(v.split('.')[0]) > Number(imageNode!.split('.')[0]))).toBe(true);
  });

  it('the guide states the same versions', () => {
    const guide = read('docs/guides/node-versions.md');
    expect(guide).toContain(`"node": "${pkg.engines.node}"`);
    expect(guide).toContain(`Node ${floor![1]}`);
  });
});

describe('the Docker image', () => {
  it('carries the OCI labels, with the version and licence of package.json', () => {
    const label = (name: string) => new RegExp(`org\\.opencontainers\\.image\\.${name}="([^"]*)"`).exec(read('Dockerfile'))?.[1];
    expect(label('version')).toBe(pkg.version);
    expect(label('licenses')).toBe(pkg.license);
    expect(label('title')).toBe(pkg.name);
    expect(label('source')).toBe('${SOURCE_URL}');
  });
});
