// The report as a table for a terminal: one row per step, its differences under it (✗ not on the known list,
// ~ known, with the decision record that chose it), and the totals.
import type { DriftReport, StepReport } from './run.js';

function cell(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

function result(step: StepReport): string {
  if (step.real.startsWith('skipped: ')) return `real side skipped: ${step.real.slice('skipped: '.length)}`;
  if (step.simulator.startsWith('skipped: ')) return `simulator skipped: ${step.simulator.slice('skipped: '.length)}`;
  const n = step.differences.length;
  if (n === 0) return 'same shape';
  const known = step.differences.filter((d) => d.known).length;
  return `${n} difference${n === 1 ? '' : 's'}${known ? ` (${known} known)` : ''}`;
}

export function reportTable(report: DriftReport): string[] {
  const widths = [19, 26, 10, 10];
  const lines = [`${['journey', 'step', 'simulator', 'real'].map((h, i) => cell(h, widths[i]!)).join(' ')} result`];
  for (const step of report.steps) {
    const real = step.real.startsWith('skipped') ? 'skipped' : step.real;
    lines.push(`${[step.journey, step.step, step.simulator, real].map((t, i) => cell(t, widths[i]!)).join(' ')} ${result(step)}`);
    for (const d of step.differences) {
      const mark = d.known ? '~' : '✗';
      const known = d.known ? `   known: ${d.known.decision}` : '';
      lines.push(`    ${mark} ${d.kind.padEnd(9)} ${d.path}   simulator: ${d.simulator}   real: ${d.real}${known}`);
    }
  }
  const t = report.totals;
  lines.push(
    '',
    `${t.steps} steps: ${t.compared} compared, ${t.skipped} skipped on one side; ${t.differences} differences: ${t.known} known, ${t.unlisted} not on the known list.`,
  );
  return lines;
}
