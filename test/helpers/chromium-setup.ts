// vitest globalSetup: runs once per `vitest run`, so a machine without Chromium gets one line, not one per
// browser test file. In CI nothing is printed here: the browser tests run and fail, saying why.
import { findChromium, skipLine } from './chromium.js';

export default function setup(): void {
  const found = findChromium();
  if (found.path === undefined && !process.env.CI) console.log(skipLine(found.problem));
}
