// The README's vitest example for startSimulator is test/library/readme-example.test.ts, which npm test runs:
// this test fails when the README's copy and the file drift apart.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', ROOT), 'utf8');

/** The code block right after each `<!-- readme-example: PATH -->` marker, by path. */
function examples(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(/<!-- readme-example: (\S+) -->\n```\w*\n([\s\S]*?)```/g)) found.set(m[1]!, m[2]!);
  return found;
}

describe('README examples', () => {
  it('has the library example, and it is the test file line for line', () => {
    const found = examples(readme);
    expect([...found.keys()]).toEqual(['test/library/readme-example.test.ts']);
    for (const [path, code] of found) expect(code, path).toBe(readFileSync(new URL(path, ROOT), 'utf8'));
  });

  it('notices a change to the README copy', () => {
    const changed = readme.replace("clock: 'manual', memory: true", "clock: 'manual'");
    expect(changed).not.toBe(readme);
    const code = examples(changed).get('test/library/readme-example.test.ts');
    expect(code).not.toBe(readFileSync(new URL('test/library/readme-example.test.ts', ROOT), 'utf8'));
  });
});
