import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// In CI a JSON report is written as well, so .ci/run can print the plain total.
const ci = Boolean(process.env.CI);

export default defineConfig({
  // The package's own name resolves to its sources, so tests import it as users do (README's vitest example).
  resolve: {
    alias: [
      { find: /^littlepay-sim$/, replacement: fileURLToPath(new URL('./simulator/src/library.ts', import.meta.url)) },
      { find: /^littlepay-sim\/client$/, replacement: fileURLToPath(new URL('./client/src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Looks for Chromium once and, without one, prints the single line saying how to get the browser tests.
    globalSetup: ['test/helpers/chromium-setup.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    env: { PACT_DO_NOT_TRACK: 'true', SCARF_ANALYTICS: 'false' },
    reporters: ci ? ['default', 'json'] : ['default'],
    outputFile: ci ? { json: 'test-results/vitest.json' } : undefined,
  },
});
