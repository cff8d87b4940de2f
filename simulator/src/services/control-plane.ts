// The /_sim control plane of one app: queued outcomes and faults, test clocks, the journal and resets,
// built over the shared context (docs/decisions/0020-0025).
import type { Context } from './context.js';
import { Controls } from './controls.js';
import { Journal } from './journal.js';
import type { Merchants } from './merchants.js';
import type { Payments } from './payments.js';
import { Resets } from './resets.js';
import { TestClocks, type MerchantClocks } from './test-clocks.js';

export interface ControlPlane {
  controls: Controls;
  clocks: TestClocks;
  journal: Journal;
  resets: Resets;
}

export function createControlPlane(ctx: Context, deps: { clocks: MerchantClocks; controls: Controls; payments: Payments; merchants: Merchants }): ControlPlane {
  const journal = new Journal(ctx.config.journalSize);
  return {
    controls: deps.controls,
    clocks: new TestClocks(ctx, deps.clocks),
    journal,
    resets: new Resets({ ctx, clocks: deps.clocks, payments: deps.payments, merchants: deps.merchants, journal }),
  };
}
