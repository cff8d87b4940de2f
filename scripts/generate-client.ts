// Generates client/src/generated/*.ts from the contracts with openapi-typescript.
// `--check` regenerates in memory and fails when the committed files differ (stale types in CI).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = new URL('../', import.meta.url);
const targets = [
  { contract: 'contracts/littlepay.openapi.yaml', out: 'client/src/generated/littlepay.ts' },
  { contract: 'contracts/simulator.openapi.yaml', out: 'client/src/generated/simulator.ts' },
];
const header = '// Generated from the contract by `npm run generate` (openapi-typescript). Do not edit.\n';

const check = process.argv.includes('--check');
let stale = 0;
for (const { contract, out } of targets) {
  const ast = await openapiTS(new URL(contract, root), { alphabetize: false, exportType: true });
  const text = header + astToString(ast);
  const path = fileURLToPath(new URL(out, root));
  if (check) {
    const current = await readFile(path, 'utf8').catch(() => '');
    if (current !== text) {
      stale++;
      console.error(`${out} is stale: run \`npm run generate\` and commit the result`);
    }
  } else {
    await writeFile(path, text);
    console.log(`wrote ${out}`);
  }
}
if (stale) process.exit(1);
if (check) console.log('generated client types are fresh');
