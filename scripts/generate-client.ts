// Generates client/src/generated/*.ts from the contracts with openapi-typescript, and the parsed
// contracts the simulator starts from (simulator/src/generated/contracts.json).
// `--check` regenerates in memory and fails when the committed files differ (stale types in CI).
import { readFile, writeFile } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { PARSED_CONTRACTS, sha256, type ParsedContracts } from '../simulator/src/http/contract.js';

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
// The simulator reads these instead of parsing YAML at every start (it checks the SHA-256 first).
const parsed: ParsedContracts = {};
for (const { contract } of targets) {
  const text = await readFile(new URL(contract, root), 'utf8');
  parsed[basename(contract)] = { sha256: sha256(text), doc: parse(text) };
}
const parsedText = `${JSON.stringify(parsed)}\n`;
const parsedName = relative(fileURLToPath(root), PARSED_CONTRACTS);
if (check) {
  if ((await readFile(PARSED_CONTRACTS, 'utf8').catch(() => '')) !== parsedText) {
    stale++;
    console.error(`${parsedName} is stale: run \`npm run generate\` and commit the result`);
  }
} else {
  await writeFile(PARSED_CONTRACTS, parsedText);
  console.log(`wrote ${parsedName}`);
}
if (stale) process.exit(1);
if (check) console.log('generated client types are fresh');
