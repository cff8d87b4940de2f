// A recording: both sides' observations of a run, masked, in DIR/recording.json, so a report can be attached
// to an issue and compared again later, without credentials, against a newer simulator (--replay DIR).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { maskObservation } from './mask.js';
import type { Observation } from './observation.js';
import type { Player, StepObservations } from './run.js';

export interface Recording {
  format: 'littlepay-drift-recording/1';
  recordedAt: string;
  realUrl: string;
  steps: StepObservations[];
}

const FILE = 'recording.json';

/** The URL as a recording may show it: no user, password, path or query. */
export function publicOrigin(url: string): string {
  return new URL(url).origin;
}

export function writeRecording(dir: string, observed: StepObservations[], meta: { realUrl: string; recordedAt: string }, secrets: readonly string[]): string {
  const steps = observed.map((o) => ({ ...o, real: maskObservation(o.real, secrets), simulator: maskObservation(o.simulator, secrets) }));
  const recording: Recording = { format: 'littlepay-drift-recording/1', recordedAt: meta.recordedAt, realUrl: publicOrigin(meta.realUrl), steps };
  mkdirSync(dir, { recursive: true });
  const file = join(dir, FILE);
  writeFileSync(file, `${JSON.stringify(recording, null, 2)}\n`);
  return file;
}

export function readRecording(dir: string): Recording {
  const file = join(dir, FILE);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Recording>;
  if (parsed.format !== 'littlepay-drift-recording/1' || !Array.isArray(parsed.steps)) {
    throw new Error(`${file} is not a drift recording (format littlepay-drift-recording/1)`);
  }
  return parsed as Recording;
}

/** The real side of a recording, replayed: each step's recorded observation, found by journey and step. */
export function recordedPlayer(recording: Recording): Player {
  return {
    startJourney: () => {},
    play: async (journey, _step, label) => {
      const found = recording.steps.find((s) => s.journey === journey.name && s.step === label);
      const missing: Observation = { kind: 'skipped', reason: `not in the recording of ${recording.recordedAt}` };
      return found?.real ?? missing;
    },
  };
}
