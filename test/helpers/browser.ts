// Headless Chromium for browser tests: the machine's own Chromium (see chromium.ts for where it is looked
// for) driven by playwright-core, never a downloaded browser. The flags keep Chromium off the network this
// machine does not have; each launch gets a fresh profile folder so runs never share cookies or storage.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { describe } from 'vitest';
import { findChromium, HOW_TO_GET_CHROMIUM } from './chromium.js';
import type { Config } from '../../simulator/src/config.js';
import { sharedTestSim, type TestSim } from './sim.js';

const found = findChromium();

/**
 * A describe for tests that need a browser: skipped when there is no Chromium (globalSetup prints the one line
 * saying how to get it), but run in CI, where launchBrowser then fails and says why.
 */
export const describeInBrowser = describe.skipIf(found.path === undefined && !process.env.CI);

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A phone-sized browser context by default: the checkout page must work there. */
export async function launchBrowser(viewport = { width: 390, height: 844 }, options: { javaScriptEnabled?: boolean } = {}): Promise<TestBrowser> {
  if (found.path === undefined) throw new Error(`no Chromium for the browser tests: ${found.problem}; ${HOW_TO_GET_CHROMIUM}`);
  const profile = await mkdtemp(join(tmpdir(), 'littlepay-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: found.path,
    headless: true,
    args: FLAGS,
    viewport,
    ...options,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * One simulator for a browser test file, listening on 127.0.0.1 at a free port (a browser needs a real
 * socket), with its PUBLIC_URL following that port. Returns a getter, like sharedTestSim.
 */
export function listeningTestSim(overrides: Partial<Config> = {}): () => TestSim {
  return sharedTestSim(
    async (sim) => {
      await sim.app.listen({ host: '127.0.0.1', port: 0 });
      return sim;
    },
    { publicUrl: 'http://127.0.0.1:0', ...overrides },
  );
}
