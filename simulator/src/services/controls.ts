// A merchant's queued outcomes and faults, kept in its control record so that a restart keeps them and
// every use is stored with the change it made (an attempt and the override it took are one commit).
import { describeFault, faultFor, latencyMs, newFault, useFault, type FaultRequest } from '../domain/faults.js';
import { ANY_PROVIDER, checkQueueable, chooseOutcome, withQueue, type OutcomeChoice } from '../domain/outcomes.js';
import { DEFAULT_AVS_RULE } from '../domain/avs.js';
import type { AvsRule, ControlRecord, FaultRecord, MerchantRecord, OutcomeQueues } from '../domain/records.js';
import { iso } from '../runtime/clock.js';
import type { Put } from '../store/store.js';
import { commit, type Context } from './context.js';
import { requireMerchant } from './merchants.js';

/** The control record of a merchant, or the empty one (nothing stored until something is switched on). */
export function controlOf(ctx: Context, merchantId: string): ControlRecord {
  return ctx.store.get('controls', merchantId) ?? { id: merchantId, clock: null, outcomes: {}, faults: [] };
}

export function controlPut(record: ControlRecord): Put {
  return { collection: 'controls', value: record };
}

/** A fault applied to one call, as the HTTP layer acts on it. */
export interface AppliedFault {
  fault: FaultRecord;
  label: string;
  latencyMs?: number;
}

export class Controls {
  constructor(
    private readonly ctx: Context,
    /** The operationIds of the Little Pay API: what a fault may name. */
    private readonly operations: readonly string[],
  ) {}

  /** The merchant, or 404: every /_sim/merchants/{merchantId}/... call starts here. */
  merchant(merchantId: string): MerchantRecord {
    return requireMerchant(this.ctx, merchantId);
  }

  outcomes(merchantId: string): OutcomeQueues {
    return controlOf(this.ctx, merchantId).outcomes;
  }

  async queueOutcomes(merchantId: string, provider: string | undefined, outcomes: string[]): Promise<OutcomeQueues> {
    const key = provider ?? ANY_PROVIDER;
    checkQueueable(key, outcomes);
    const control = controlOf(this.ctx, merchantId);
    const queues = withQueue(control.outcomes, key, [...(control.outcomes[key] ?? []), ...outcomes]);
    await commit(this.ctx, [controlPut({ ...control, outcomes: queues })]);
    return queues;
  }

  async clearOutcomes(merchantId: string): Promise<OutcomeQueues> {
    await commit(this.ctx, [controlPut({ ...controlOf(this.ctx, merchantId), outcomes: {} })]);
    return {};
  }

  /**
   * The outcome of a new attempt (the precedence rule is chooseOutcome's). When an override is taken, the
   * returned puts record it: commit them with the attempt.
   */
  takeOutcome(merchantId: string, provider: string, triggered: string | undefined): OutcomeChoice & { puts: Put[] } {
    const control = controlOf(this.ctx, merchantId);
    const choice = chooseOutcome(control.outcomes, provider, triggered);
    const puts = choice.source === 'override' ? [controlPut({ ...control, outcomes: choice.queues })] : [];
    return { ...choice, puts };
  }

  /** The address-verification rule the merchant's card payments meet (docs/decisions/0081). */
  avsRule(merchantId: string): AvsRule {
    return controlOf(this.ctx, merchantId).avs ?? DEFAULT_AVS_RULE;
  }

  async setAvsRule(merchantId: string, rule: AvsRule): Promise<AvsRule> {
    await commit(this.ctx, [controlPut({ ...controlOf(this.ctx, merchantId), avs: rule })]);
    return rule;
  }

  faults(merchantId: string): FaultRecord[] {
    return controlOf(this.ctx, merchantId).faults;
  }

  async addFault(merchantId: string, req: FaultRequest): Promise<FaultRecord> {
    const fault = newFault(req, `flt_${this.ctx.ids.hex('fault', 12)}`, this.operations, iso(this.ctx.clockFor(merchantId).now()));
    const control = controlOf(this.ctx, merchantId);
    await commit(this.ctx, [controlPut({ ...control, faults: [...control.faults, fault] })]);
    return fault;
  }

  async clearFaults(merchantId: string): Promise<FaultRecord[]> {
    await commit(this.ctx, [controlPut({ ...controlOf(this.ctx, merchantId), faults: [] })]);
    return [];
  }

  /**
   * The faults a call meets before it runs: a latency, then an error or a dropped connection. Each one
   * applied is used up (and stored) before the call goes on.
   */
  async beforeCall(merchantId: string, operationId: string): Promise<AppliedFault[]> {
    const control = controlOf(this.ctx, merchantId);
    const applied: AppliedFault[] = [];
    let faults = control.faults;
    const latency = faultFor(faults, operationId, ['latency']);
    if (latency) {
      // Seeded per merchant: parallel merchants do not disturb each other's sequence.
      const ms = latencyMs(latency, this.ctx.ids.next(`fault-latency:${merchantId}`).readUInt32BE(0));
      applied.push({ fault: latency, label: describeFault(latency, ms), latencyMs: ms });
      faults = useFault(faults, latency.id);
    }
    const failure = faultFor(faults, operationId, ['error', 'drop']);
    if (failure) {
      applied.push({ fault: failure, label: describeFault(failure) });
      faults = useFault(faults, failure.id);
    }
    // A latency without a count is not used up: nothing to store for it.
    if (applied.some((a) => a.fault.remaining !== null)) await commit(this.ctx, [controlPut({ ...control, faults })]);
    return applied;
  }

  /** A commit_then_fail fault for a call that has just succeeded, used up; undefined when none applies. */
  async afterSuccess(merchantId: string, operationId: string): Promise<AppliedFault | undefined> {
    const control = controlOf(this.ctx, merchantId);
    const fault = faultFor(control.faults, operationId, ['commit_then_fail']);
    if (!fault) return undefined;
    await commit(this.ctx, [controlPut({ ...control, faults: useFault(control.faults, fault.id) })]);
    return { fault, label: describeFault(fault) };
  }
}
