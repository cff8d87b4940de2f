#!/usr/bin/env node
// The littlepay-sim command. In a clone of the repository it runs the TypeScript sources through tsx, so it
// is always current; in an installed package (npm pack, a git or folder dependency built by `prepare`) it
// runs the JavaScript in dist/. The Docker image runs dist/ directly.
import { existsSync } from 'node:fs';

const source = new URL('../simulator/src/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import('../dist/simulator/src/main.js');
}
