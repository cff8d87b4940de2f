// Compares what the two sides answered to one step: status, the headers that matter, the body by shape; for
// callbacks, the body by shape and whether the real one verifies with the real service's published key.
import type { Observation } from './observation.js';
import { compareShape, type ShapeDifference } from './shape.js';

function said(o: Observation): string {
  switch (o.kind) {
    case 'answer':
      return `answered ${o.status}`;
    case 'callback':
      return 'called back';
    case 'skipped':
      return 'skipped';
    case 'failed':
      return o.reason;
  }
}

function compareHeaders(sim: Record<string, string>, real: Record<string, string>): ShapeDifference[] {
  const names = [...new Set([...Object.keys(sim), ...Object.keys(real)])].sort();
  return names.flatMap((name): ShapeDifference[] => {
    const s = sim[name] ?? 'absent';
    const r = real[name] ?? 'absent';
    return s === r ? [] : [{ kind: 'header', path: `header.${name}`, simulator: s, real: r }];
  });
}

/** The signature check of a callback, compared with what each side's callback should be: signed and verified. */
function compareSignature(sim: 'valid' | 'invalid' | 'missing', real: 'valid' | 'invalid' | 'missing'): ShapeDifference[] {
  if (sim === 'valid' && real === 'valid') return [];
  return [{ kind: 'signature', path: 'callback.signature', simulator: sim, real: real === 'valid' ? 'valid' : `${real} with the published key` }];
}

/** Every difference of the real observation from the simulator's; none when either side skipped the step. */
export function compareObservations(sim: Observation, real: Observation): ShapeDifference[] {
  if (sim.kind === 'skipped' || real.kind === 'skipped') return [];
  if (sim.kind === 'answer' && real.kind === 'answer') {
    const status: ShapeDifference[] =
      sim.status === real.status ? [] : [{ kind: 'status', path: 'status', simulator: String(sim.status), real: String(real.status) }];
    return [...status, ...compareHeaders(sim.headers, real.headers), ...compareShape(sim.body, real.body, 'body')];
  }
  if (sim.kind === 'callback' && real.kind === 'callback') {
    return [...compareShape(sim.body, real.body, 'callback'), ...compareSignature(sim.signature, real.signature)];
  }
  if (sim.kind === 'failed' && real.kind === 'failed') return [];
  return [{ kind: 'no-answer', path: sim.kind === 'callback' || real.kind === 'callback' ? 'callback' : 'answer', simulator: said(sim), real: said(real) }];
}
