// The in-memory simulator a drift run starts: short shopper delays so a run takes seconds, not minutes; the
// answers' shapes do not depend on them.
export const DRIFT_SIMULATOR = { seed: 'drift', pinDelayMs: 200, refundDelayMs: 200, logLevel: 'silent' } as const;
