#!/usr/bin/env node
// The littlepay-sim command. In a clone of the repository with its dev dependencies it runs the TypeScript
// sources through tsx, so it is always current; otherwise (an installed package: npm pack, a git or folder
// dependency built by `prepare`; or a clone installed with --omit=dev after a build) it runs the JavaScript
// in dist/. The Docker image runs dist/ directly.
import { existsSync } from 'node:fs';

const source = new URL('../simulator/src/main.ts', import.meta.url);
const built = new URL('../dist/simulator/src/main.js', import.meta.url);

/** Whether a package can be imported from here (tsx is a dev dependency: absent after --omit=dev). */
function importable(specifier) {
  try {
    import.meta.resolve(specifier);
    return true;
  } catch {
    return false;
  }
}

if (existsSync(source) && importable('tsx/esm/api')) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else if (existsSync(built)) {
  await import(built.href);
} else {
  console.error('littlepay-sim: neither tsx (a dev dependency) nor a build in dist/ is here: run `npm install`, or `npm run build` where tsx is installed.');
  process.exitCode = 1;
}
