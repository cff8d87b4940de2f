// Proves that no full card number and no CVV reached the disk or the logs: scans every file under the
// folders given (the logs captured from the whole test suite, data folders) for each test card number,
// also grouped by spaces or dashes, for the card fields' names, and for any run of digits that holds a
// Luhn-valid card number (in a path, a query, a header, free text next to other digits or a longer run:
// the masker's own rule, runtime/card-masking.ts). Prints "card-data scan: N passed, N failed" (one check per folder)
// and exits 1 on a find. Run by .ci/run after `npm test`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { holdsCardNumber } from '../simulator/src/runtime/card-masking.js';
import { TEST_CARD_NUMBERS } from '../simulator/src/domain/catalogue.js';

/** Numbers the suites use besides the catalogue's (any Luhn-valid card, Amex). */
const EXTRA_NUMBERS = ['4242424242424242', '378282246310005', '5555555555554444', '4000000000002702'];
const NUMBERS = [...TEST_CARD_NUMBERS, ...EXTRA_NUMBERS];
/** 4000 0000 0000 2701 and 4000-0000-0000-2701 (Amex: 3782 822463 10005). */
const grouped = (n: string, sep: string) => (n.length === 15 ? [n.slice(0, 4), n.slice(4, 10), n.slice(10)] : n.match(/.{1,4}/g)!).join(sep);
const NEEDLES = [...NUMBERS, ...NUMBERS.flatMap((n) => [grouped(n, ' '), grouped(n, '-')]), 'cc_number', 'cc_cvv'];
export const ANY_CARD = 'a Luhn-valid card number';

function files(path: string): string[] {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return [];
  if (st.isFile()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

export function scan(paths: string[]): Array<{ file: string; needle: string }> {
  const finds: Array<{ file: string; needle: string }> = [];
  for (const file of paths.flatMap(files)) {
    const text = readFileSync(file, 'latin1');
    for (const needle of NEEDLES) if (text.includes(needle)) finds.push({ file, needle });
    if (finds.every((f) => f.file !== file) && holdsCardNumber(text)) finds.push({ file, needle: ANY_CARD });
  }
  return finds;
}

function main(folders: string[]): number {
  let passed = 0;
  let failed = 0;
  for (const folder of folders) {
    const scanned = files(folder);
    const finds = scan([folder]);
    if (scanned.length === 0) {
      console.error(`card-data scan: ${folder} holds no files; nothing was captured to scan`);
      failed++;
    } else if (finds.length > 0) {
      for (const f of finds) console.error(`card-data scan: ${f.file} contains ${f.needle}`);
      failed++;
    } else {
      console.log(`card-data scan: ${scanned.length} files under ${folder}, no card number, no CVV field`);
      passed++;
    }
  }
  console.log(`card-data scan: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
