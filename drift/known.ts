// The differences from the real service that the simulator chose, as data (known-differences.json beside this
// file): each names what differs and the decision record that chose it. A difference on the list is reported
// but does not fail the run (docs/decisions/0102).
import { readFileSync } from 'node:fs';
import type { DifferenceKind, ShapeDifference } from './shape.js';

export interface KnownDifference {
  kind: DifferenceKind;
  /** The path as reports print it, such as `body.data.code` (array items as `[]`). */
  path: string;
  /** Only in answers to this call (createIntent, getPaymentStatus, …); any call when absent. */
  call?: string;
  /** Only when the real side has this value, as reports print it (such as `404`). */
  real?: string;
  /** The docs/decisions record that chose it. */
  decision: string;
  why: string;
}

const KINDS: readonly DifferenceKind[] = ['status', 'header', 'missing', 'extra', 'type', 'enum', 'format', 'length', 'signature', 'no-answer'];

export const DEFAULT_KNOWN_FILE = new URL('./known-differences.json', import.meta.url);

/** Reads and checks a known-differences file; a bad entry is an error naming it, never silently ignored. */
export function loadKnown(file: string | URL): KnownDifference[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { differences?: unknown };
  if (!Array.isArray(parsed.differences)) throw new Error(`${String(file)}: expected {"differences": [...]}`);
  return parsed.differences.map((raw, i) => {
    const d = raw as Partial<KnownDifference>;
    const problem = !KINDS.includes(d.kind as DifferenceKind)
      ? `kind must be one of ${KINDS.join(', ')}`
      : typeof d.path !== 'string' || d.path === ''
        ? 'path must be a non-empty string'
        : typeof d.decision !== 'string' || !/^docs\/decisions\/\d{4}-[\w-]+\.md$/.test(d.decision)
          ? 'decision must name a docs/decisions/NNNN-*.md record'
          : typeof d.why !== 'string' || d.why === ''
            ? 'why must say why the simulator differs'
            : null;
    if (problem) throw new Error(`${String(file)}: differences[${i}]: ${problem}`);
    return d as KnownDifference;
  });
}

/** The known difference that covers `d` in an answer to `call`, if any. */
export function findKnown(d: ShapeDifference, call: string, known: readonly KnownDifference[]): KnownDifference | undefined {
  return known.find((k) => k.kind === d.kind && k.path === d.path && (k.call === undefined || k.call === call) && (k.real === undefined || k.real === d.real));
}
