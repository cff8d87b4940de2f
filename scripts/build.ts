// npm run build (also `prepare`, so a clone, a git dependency and `npm pack` get it): compiles simulator/,
// client/, scenarios/ and drift/ to JavaScript in dist/, with type declarations, and copies what the compiled
// code reads beside it: the contracts, what `npm run generate` made from them (the parsed contracts and the
// route validators, without which a start parses YAML and loads Ajv; the API reference served at /docs)
// and a package.json (ESM, and the version /_sim/health reports). dist/ keeps the source layout, so paths
// the code resolves from its own location work unchanged; the Docker image is dist/ plus the production
// dependencies.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTRACT_FILES } from '../simulator/src/app.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

mkdirSync(join(dist, 'contracts'), { recursive: true });
for (const file of CONTRACT_FILES) copyFileSync(join(root, 'contracts', file), join(dist, 'contracts', file));
const generated = join('simulator', 'src', 'generated');
mkdirSync(join(dist, generated), { recursive: true });
for (const file of ['contracts.json', 'validators.cjs', 'api-docs.json']) copyFileSync(join(root, generated, file), join(dist, generated, file));
// The drift check's known differences are read beside its compiled code.
mkdirSync(join(dist, 'drift'), { recursive: true });
copyFileSync(join(root, 'drift', 'known-differences.json'), join(dist, 'drift', 'known-differences.json'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
writeFileSync(join(dist, 'package.json'), `${JSON.stringify({ name: `${pkg.name}-dist`, version: pkg.version, private: true, type: 'module' }, null, 2)}\n`);
console.log(`built dist/ (littlepay-sim ${pkg.version})`);
