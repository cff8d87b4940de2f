// The command line of the bench's and the torture tests' scripts: `--help` (or -h) prints the script's own
// header comment, which says how it is run; an unknown option, or a value that is not a number where one
// is wanted, is named in one line with exit code 2, instead of a stack trace or a run with NaN in it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The leading `//` comment of the script at `url`. */
function usageOf(url: string): string {
  const head: string[] = [];
  for (const line of readFileSync(fileURLToPath(url), 'utf8').split('\n')) {
    if (!line.startsWith('//')) break;
    head.push(line.replace(/^\/\/ ?/, ''));
  }
  return head.join('\n');
}

/** Ends the script with exit code 2, naming what was wrong with its command line. */
function refuse(message: string): never {
  console.error(`${message} (--help says how this is run)`);
  process.exit(2);
}

/**
 * The script's options, parsed by `parse` (node's parseArgs, strict) from the process's arguments; `--help`
 * prints the usage of the script at `scriptUrl` (pass `import.meta.url`) and exits.
 */
export function commandLine<T>(scriptUrl: string, parse: (args: string[]) => T): T {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usageOf(scriptUrl));
    process.exit(0);
  }
  try {
    return parse(args);
  } catch (err) {
    return refuse((err as Error).message);
  }
}

/** The number an option gave; refused unless it is a finite number of at least `min`. */
export function numberOption(name: string, value: string, min = 0): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min) refuse(`--${name} must be a number of at least ${min}, not "${value}"`);
  return n;
}

/** The value an option gave; refused unless it is one of `allowed`. */
export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) refuse(`--${name} takes ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

/** The comma-separated values an option gave; refused unless each is one of `allowed`. */
export function choicesOption<T extends string>(name: string, value: string, allowed: readonly T[]): T[] {
  return value.split(',').map((item) => oneOf(name, item.trim(), allowed));
}
