// The report as a table for a terminal: one row per step, its differences under it (✗ not on the known list,
// ~ known, with the decision record that chose it), then each difference not on the list once, and the totals.
import type { DriftReport, StepReport } from './run.js';

function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

/** A side's answer in its column: the status code, or one word (the reasons and details are on the right). */
function column(summary: string): string {
  return /^\d+$/.test(summary) ? summary : summary.split(/[,:]/)[0]!;
}

function result(step: StepReport): string {
  if (step.real.startsWith('skipped: ')) return `real side skipped: ${step.real.slice('skipped: '.length)}`;
  if (step.simulator.startsWith('skipped: ')) return `simulator skipped: ${step.simulator.slice('skipped: '.length)}`;
  const n = step.differences.length;
  if (n === 0) return 'same shape';
  const known = step.differences.filter((d) => d.known).length;
  return `${n} difference${n === 1 ? '' : 's'}${known ? ` (${known} known)` : ''}`;
}

/** Each difference not on the known list once, with the number of steps it was seen in: what to put in an issue. */
function unlistedOnce(report: DriftReport): string[] {
  const counts = new Map<string, number>();
  for (const d of report.steps.flatMap((s) => s.differences.filter((x) => !x.known))) {
    const line = `${d.kind.padEnd(9)} ${d.path}   simulator: ${d.simulator}   real: ${d.real}`;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  if (counts.size === 0) return [];
  return ['', 'Not on the known list:', ...[...counts].map(([line, n]) => `    ✗ ${line}   (${n} step${n === 1 ? '' : 's'})`)];
}

export function reportTable(report: DriftReport): string[] {
  const widths = [19, 26, 10, 10];
  const lines = [`${['journey', 'step', 'simulator', 'real'].map((h, i) => cell(h, widths[i]!)).join(' ')} result`];
  for (const step of report.steps) {
    lines.push(`${[step.journey, step.step, column(step.simulator), column(step.real)].map((t, i) => cell(t, widths[i]!)).join(' ')} ${result(step)}`);
    for (const d of step.differences) {
      const mark = d.known ? '~' : '✗';
      const known = d.known ? `   known: ${d.known.decision}` : '';
      lines.push(`    ${mark} ${d.kind.padEnd(9)} ${d.path}   simulator: ${d.simulator}   real: ${d.real}${known}`);
    }
  }
  const t = report.totals;
  return [
    ...lines,
    ...unlistedOnce(report),
    '',
    `${t.steps} steps: ${t.compared} compared, ${t.skipped} skipped on one side; ${t.differences} differences: ${t.known} known, ${t.unlisted} not on the known list.`,
  ];
}
