// The layer rule of docs/guides/architecture.md, over the real import graph: a module may import its own
// layer and the layers below it, never one above. Type-only imports count too: they couple the code as
// much as any other, and they are how the three violations this test was written for began.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Top to bottom; each layer may import itself and everything after it. */
const LAYERS = ['entries', 'app', 'console', 'http', 'pages', 'services', 'callbacks', 'store', 'domain', 'runtime'] as const;
type Layer = (typeof LAYERS)[number] | 'client' | 'scenarios';

/** Which layer a file (path from the repository root) is in; undefined outside the three checked trees. */
function layerOf(path: string): Layer | undefined {
  if (path.startsWith('client/src/')) return 'client';
  if (path.startsWith('scenarios/')) return 'scenarios';
  const m = /^simulator\/src\/([^/]+)/.exec(path);
  if (!m) return undefined;
  const top = m[1]!;
  if (['main.ts', 'cli.ts', 'server.ts', 'library.ts'].includes(top)) return 'entries';
  if (top === 'app.ts') return 'app';
  if (top === 'config.ts' || top === 'generated') return 'runtime';
  return (LAYERS as readonly string[]).includes(top) ? (top as Layer) : undefined;
}

/** Whether a module of layer `from` may import one of layer `to`. */
function mayImport(from: Layer, to: Layer): boolean {
  if (from === to) return true;
  // The client and the journeys stand apart: they must run against any simulator, so they know none of its code.
  if (from === 'client') return false;
  // The command line (an entry) runs the journeys: `littlepay-sim scenarios`.
  if (to === 'scenarios') return from === 'entries';
  if (from === 'scenarios') return to === 'client';
  // The simulator may use the client's wire types (generated from the contracts) and its verifyCallback.
  if (to === 'client') return true;
  return LAYERS.indexOf(from) < LAYERS.indexOf(to);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Every relative import and re-export of a file, as paths from the repository root. */
function importsOf(path: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, path), 'utf8'), true, false);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(ROOT, resolve(ROOT, dirname(path), spec)).replace(/\.js$/, '.ts'));
}

const files = [...sourceFiles('simulator/src'), ...sourceFiles('client/src'), ...sourceFiles('scenarios')];

describe('the layers of the simulator', () => {
  it('places every source file in a layer', () => {
    expect(files.filter((f) => layerOf(f) === undefined)).toEqual([]);
  });

  it('has no import from a layer to one above it', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file)!;
      for (const target of importsOf(file)) {
        const to = layerOf(target);
        if (to !== undefined && !mayImport(from, to)) violations.push(`${file} (${from}) imports ${target} (${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps the store behind the services for every handler: a handler calls a service, never the store', () => {
    // The layer rule alone allows it (http sits above store); a handler that reads records itself grows
    // its own lookups and 404s, which is how two merchant-not-found answers began (issue 21).
    const handlers = files.filter((f) => f.startsWith('simulator/src/http/handlers/'));
    expect(handlers.length).toBeGreaterThan(0);
    const reaches = handlers.flatMap((file) =>
      importsOf(file)
        .filter((t) => t.startsWith('simulator/src/store/'))
        .map((t) => `${file} imports ${t}`),
    );
    // Nor through the context they are handed: reading or writing records is a service's job (the health
    // check may still ask the store whether it is up).
    const reads = handlers.flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/\.store\.(get|all|landed|commit|count|forget|clear)\b/g)].map((m) => `${file} calls store.${m[1]}`),
    );
    expect([...reaches, ...reads]).toEqual([]);
  });

  it('reads type-only imports and re-exports, and refuses the imports the guide forbids', () => {
    const imports = importsOf('simulator/src/services/inbox.ts');
    expect(imports).toContain('simulator/src/services/context.ts');
    expect(imports).toContain('client/src/index.ts');
    // The three imports the layering was fixed for (issue 24), and the apart trees.
    expect(mayImport('domain', 'store')).toBe(false);
    expect(mayImport('callbacks', 'services')).toBe(false);
    expect(mayImport('pages', 'http')).toBe(false);
    expect(mayImport('client', 'runtime')).toBe(false);
    expect(mayImport('scenarios', 'services')).toBe(false);
    expect(mayImport('services', 'scenarios')).toBe(false);
    expect(mayImport('http', 'pages')).toBe(true);
    expect(mayImport('domain', 'client')).toBe(true);
  });
});
