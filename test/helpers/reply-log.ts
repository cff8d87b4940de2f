// With LITTLEPAY_TEST_REPLY_LOG set (CI sets it), every test simulator records the (operationId,
// status) of each reply; scripts/check-response-coverage.ts then proves every status code the
// contracts declare was reached by some test. Each pair is appended once per test process, as it is
// first seen (a worker may be stopped without running exit handlers).
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const seen = new Set<string>();

/** The onReply option for buildApp, or undefined when nothing is recorded. */
export function replyRecorder(): ((operationId: string, status: number) => void) | undefined {
  const dir = process.env.LITTLEPAY_TEST_REPLY_LOG;
  if (!dir) return undefined;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `replies-${process.pid}.txt`);
  return (operationId, status) => {
    const line = `${operationId} ${status}`;
    if (seen.has(line)) return;
    seen.add(line);
    appendFileSync(file, `${line}\n`);
  };
}
