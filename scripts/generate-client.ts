// Generates client/src/generated/*.ts from the contracts with openapi-typescript, and what the simulator
// starts from: the parsed contracts (simulator/src/generated/contracts.json) and the route validators as
// code (simulator/src/generated/validators.cjs, docs/decisions/0058), and the API reference served at /docs
// (simulator/src/generated/api-docs.json).
// `--check` regenerates in memory and fails when the committed files differ (stale types in CI).
import { readFile, writeFile } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { CONTRACT_FILES } from '../simulator/src/app.js';
import { standaloneValidators } from '../simulator/src/http/ajv.js';
import { ContractSet, PARSED_CONTRACTS, sha256, type ParsedContracts } from '../simulator/src/http/contract.js';
import { GENERATED_VALIDATORS, routeSchemas, schemasDigest } from '../simulator/src/http/validators.js';
import { API_DOCS_FILE } from '../simulator/src/pages/api-docs.js';
import { renderApiDocs } from './api-docs/index.js';

const root = new URL('../', import.meta.url);
const targets = [
  { contract: 'contracts/littlepay.openapi.yaml', out: 'client/src/generated/littlepay.ts' },
  { contract: 'contracts/simulator.openapi.yaml', out: 'client/src/generated/simulator.ts' },
];
const header = '// Generated from the contract by `npm run generate` (openapi-typescript). Do not edit.\n';

const check = process.argv.includes('--check');
let stale = 0;
/** Writes a generated file, or with --check counts it stale when the committed one differs. */
async function output(path: string, text: string): Promise<void> {
  const name = relative(fileURLToPath(root), path);
  if (check) {
    if ((await readFile(path, 'utf8').catch(() => '')) !== text) {
      stale++;
      console.error(`${name} is stale: run \`npm run generate\` and commit the result`);
    }
  } else {
    await writeFile(path, text);
    console.log(`wrote ${name}`);
  }
}
for (const { contract, out } of targets) {
  const ast = await openapiTS(new URL(contract, root), { alphabetize: false, exportType: true });
  await output(fileURLToPath(new URL(out, root)), header + astToString(ast));
}
// The simulator reads these instead of parsing YAML at every start (it checks the SHA-256 first).
const parsed: ParsedContracts = {};
for (const { contract } of targets) {
  const text = await readFile(new URL(contract, root), 'utf8');
  parsed[basename(contract)] = { sha256: sha256(text), doc: parse(text) };
}

await output(PARSED_CONTRACTS, `${JSON.stringify(parsed)}\n`);

// The route validators, from the same schemas the simulator builds its routes with.
const schemas = routeSchemas(CONTRACT_FILES.flatMap((f) => new ContractSet().operations(f)));
const validatorsHeader = '// Generated from the contracts by `npm run generate` (Ajv standalone code). Do not edit.\n';
await output(GENERATED_VALIDATORS, standaloneValidators(schemas, schemasDigest(schemas), validatorsHeader));

// The API reference, rendered from the same contracts.
await output(API_DOCS_FILE, `${JSON.stringify(await renderApiDocs(root))}\n`);
if (stale) process.exit(1);
if (check) console.log('generated client types, parsed contracts, route validators and the API reference are fresh');
