// startSimulator's options are every setting of the command, typed from the settings table in config.ts:
// the object below names each one, so a setting the type does not know is a compile error here (npm run
// typecheck), and a setting added to the table without being typed cannot happen.
import { describe, expect, it } from 'vitest';
import { startSimulator, type StartSimulatorOptions } from 'littlepay-sim';
import { configFromOptions } from '../../simulator/src/config.js';

const every: Required<StartSimulatorOptions> = {
  port: 0,
  host: '127.0.0.1',
  publicUrl: 'http://127.0.0.1:4010',
  dataDir: './unused-with-memory',
  memory: true,
  seed: 'every-option',
  clock: 'manual',
  pinDelayMs: 1000,
  longPollTimeoutMs: 2000,
  refundDelayMs: 3000,
  threeDsTimeoutMs: 60_000,
  callbackTimeoutMs: 500,
  callbackRetryScheduleMs: [1000, 60_000],
  callbackMemoryLimit: 5,
  inboxLimit: 7,
  logLevel: 'silent',
  storeCompactAfter: 100,
  journalSize: 9,
  adminToken: 'every-option-token',
  logFormat: 'json',
  allowedHosts: ['sim.qa.example'],
  corsOrigins: ['https://console.qa.example'],
  callbackConcurrency: 8,
  headersTimeoutMs: 5000,
  requestTimeoutMs: 20_000,
};

describe('startSimulator options', () => {
  it('types every setting and applies each as given', async () => {
    const config = configFromOptions(every, 'startSimulator option');
    expect(Object.keys(every).sort()).toEqual(Object.keys(config).sort());
    expect(config).toEqual({ ...every });
    const sim = await startSimulator(every);
    try {
      expect(sim.clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
      const health = await fetch(`${sim.url}/_sim/merchants`);
      expect(health.status).toBe(401); // the admin token is required
    } finally {
      await sim.close();
    }
  });

  it('takes an empty list as its flag writes it: no retries, no extra hosts or origins', () => {
    const config = configFromOptions({ callbackRetryScheduleMs: [], allowedHosts: [], corsOrigins: [] });
    expect([config.callbackRetryScheduleMs, config.allowedHosts, config.corsOrigins]).toEqual([[], [], []]);
    expect(configFromOptions({ allowedHosts: true }).allowedHosts).toBe(true);
  });
});
