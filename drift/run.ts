// Runs the plan on both sides in the same order, step by step (the real side first), and turns what they
// answered into a report: each step's differences, each checked against the known ones.
import { findKnown, type KnownDifference } from './known.js';
import { compareObservations } from './compare.js';
import type { Observation } from './observation.js';
import { stepLabels, type DriftJourney, type DriftStep } from './plan.js';
import type { ShapeDifference } from './shape.js';

/** A side as the run sees it: live (LiveSide) or replayed from a recording. */
export interface Player {
  startJourney(journey: DriftJourney): void;
  play(journey: DriftJourney, step: DriftStep, label: string): Promise<Observation>;
}

export interface StepObservations {
  journey: string;
  step: string;
  call: string;
  real: Observation;
  simulator: Observation;
}

export async function observe(plan: DriftJourney[], real: Player, simulator: Player, progress: (line: string) => void = () => {}): Promise<StepObservations[]> {
  const out: StepObservations[] = [];
  for (const journey of plan) {
    progress(`journey ${journey.name}: ${journey.summary}`);
    real.startJourney(journey);
    simulator.startJourney(journey);
    const labels = stepLabels(journey);
    for (const [i, step] of journey.steps.entries()) {
      const label = labels[i]!;
      const seenReal = await real.play(journey, step, label);
      const seenSim = await simulator.play(journey, step, label);
      out.push({ journey: journey.name, step: label, call: step.call, real: seenReal, simulator: seenSim });
    }
  }
  return out;
}

export type ReportedDifference = ShapeDifference & { known?: { decision: string; why: string } };

export interface StepReport {
  journey: string;
  step: string;
  simulator: string;
  real: string;
  differences: ReportedDifference[];
}

export interface DriftReport {
  format: 'littlepay-drift-report/1';
  mode: 'live' | 'replay';
  realUrl: string;
  steps: StepReport[];
  totals: { steps: number; compared: number; skipped: number; differences: number; known: number; unlisted: number };
}

/** How a side's observation reads in a report: never a body, only what happened. */
function summary(o: Observation): string {
  switch (o.kind) {
    case 'answer':
      return String(o.status);
    case 'callback':
      return o.signature === 'valid' ? 'callback' : `callback, signature ${o.signature}`;
    case 'skipped':
      return `skipped: ${o.reason}`;
    case 'failed':
      return `failed: ${o.reason}`;
  }
}

export function buildReport(
  observed: StepObservations[],
  known: readonly KnownDifference[],
  meta: { mode: DriftReport['mode']; realUrl: string },
): DriftReport {
  const steps = observed.map((o): StepReport => {
    const differences = compareObservations(o.simulator, o.real).map((d): ReportedDifference => {
      const k = findKnown(d, o.call, known);
      return k ? { ...d, known: { decision: k.decision, why: k.why } } : d;
    });
    return { journey: o.journey, step: o.step, simulator: summary(o.simulator), real: summary(o.real), differences };
  });
  const all = steps.flatMap((s) => s.differences);
  const skipped = observed.filter((o) => o.real.kind === 'skipped' || o.simulator.kind === 'skipped').length;
  const knownCount = all.filter((d) => d.known).length;
  return {
    format: 'littlepay-drift-report/1',
    ...meta,
    steps,
    totals: { steps: steps.length, compared: steps.length - skipped, skipped, differences: all.length, known: knownCount, unlisted: all.length - knownCount },
  };
}
