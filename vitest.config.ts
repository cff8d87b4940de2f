import { defineConfig } from 'vitest/config';

// In CI a JSON report is written as well, so .ci/run can print the plain total.
const ci = Boolean(process.env.CI);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    env: { PACT_DO_NOT_TRACK: 'true', SCARF_ANALYTICS: 'false' },
    reporters: ci ? ['default', 'json'] : ['default'],
    outputFile: ci ? { json: 'test-results/vitest.json' } : undefined,
  },
});
