// Proves every response code the contracts declare was answered to some test: reads the
// (operationId, status) pairs the suite's simulators recorded (LITTLEPAY_TEST_REPLY_LOG, see
// test/helpers/reply-log.ts) and names each declared pair no test reached.
// Usage: tsx scripts/check-response-coverage.ts test-results/replies
// Ends with "response coverage: N passed, N failed" (one check per declared pair), for .ci/run's total.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTRACT_FILES } from '../simulator/src/app.js';
import { ContractSet } from '../simulator/src/http/contract.js';

/** Every (operationId, status) the contracts declare, as "operationId status". */
export function declaredReplies(): string[] {
  const contracts = new ContractSet();
  return CONTRACT_FILES.flatMap((f) => contracts.operations(f)).flatMap((op) => Object.keys(op.responses).map((status) => `${op.operationId} ${status}`));
}

export function readReached(folder: string): Set<string> {
  const reached = new Set<string>();
  if (!existsSync(folder)) return reached;
  for (const file of readdirSync(folder)) {
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) if (line.trim()) reached.add(line.trim());
  }
  return reached;
}

export function missingReplies(declared: string[], reached: Set<string>): string[] {
  return declared.filter((d) => !reached.has(d));
}

function main(folder: string | undefined): number {
  if (!folder) {
    console.error('usage: tsx scripts/check-response-coverage.ts <folder of recorded replies>');
    return 2;
  }
  const declared = declaredReplies();
  const reached = readReached(folder);
  if (reached.size === 0) {
    console.error(`response coverage: ${folder} holds no recorded replies (was the suite run with LITTLEPAY_TEST_REPLY_LOG=${folder}?)`);
    console.log('response coverage: 0 passed, 1 failed');
    return 1;
  }
  const missing = missingReplies(declared, reached);
  for (const m of missing) {
    const [operationId, status] = m.split(' ');
    console.error(`response coverage: ${operationId} declares ${status} but no test received it`);
  }
  console.log(`response coverage: ${declared.length - missing.length} passed, ${missing.length} failed`);
  return missing.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv[2]);
}
