// The bench's and the torture tests' scripts (bench/lib/command-line.ts): --help prints the script's own
// header, and a wrong command line is refused in one line with exit code 2 before anything starts, not
// thrown as a stack trace or run with NaN.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPTS = [
  'bench/run.ts',
  'bench/profile.ts',
  'bench/console.ts',
  'torture/crash.ts',
  'torture/fuzz.ts',
  'torture/soak.ts',
  'torture/journey-soak.ts',
  'torture/hanging-receiver.ts',
];

function run(script: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('the bench and torture scripts', () => {
  it.each(SCRIPTS)('%s: --help prints its header and exits 0; an unknown option is named, exit 2', { timeout: 60_000 }, async (script) => {
    const firstLine = readFileSync(`${ROOT}${script}`, 'utf8')
      .split('\n')[0]!
      .replace(/^\/\/ /, '');
    const [help, unknown] = await Promise.all([run(script, ['--help']), run(script, ['--no-such-option'])]);
    expect(help).toMatchObject({ code: 0, err: '' });
    expect(help.out.split('\n')[0]).toBe(firstLine);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toBe('');
    expect(unknown.err.trim()).toBe("Unknown option '--no-such-option' (--help says how this is run)");
  });

  it.each([
    [['--duration', 'abc'], '--duration must be a number of at least 0.1, not "abc"'],
    [['--rounds', '0'], '--rounds must be a number of at least 1, not "0"'],
    [['--stored', '0,lots'], '--stored must be a number of at least 0, not "lots"'],
    [['--workloads', 'journy'], '--workloads takes create, status, journey, mixed, not "journy"'],
  ])('npm run bench %j is refused before it starts: %s', { timeout: 60_000 }, async (args, message) => {
    const { code, err } = await run('bench/run.ts', args);
    expect(code).toBe(2);
    expect(err.trim()).toBe(`${message} (--help says how this is run)`);
  });
});
