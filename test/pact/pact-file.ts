// A regenerated pact against the committed one in contracts/pacts: the committed file is rewritten only
// when the contract in it changed (consumer, provider, interactions), never for the metadata alone (the
// versions of pact-js and its core that wrote it), so `npm test` leaves the git tree clean unless the
// pacts really changed.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The pact without its metadata, as comparable text; null for text that is not a pact's JSON. */
function contractOf(text: string): string | null {
  try {
    const { metadata: _writtenBy, ...contract } = JSON.parse(text) as Record<string, unknown>;
    return JSON.stringify(contract);
  } catch {
    return null;
  }
}

/** True when the committed pact already says what `fresh` says; otherwise rewrites it (atomically) and answers false. */
export function syncPactFile(fresh: string, committedPath: string): boolean {
  const committed = existsSync(committedPath) ? readFileSync(committedPath, 'utf8') : null;
  if (committed !== null && contractOf(committed) !== null && contractOf(committed) === contractOf(fresh)) return true;
  // Atomic, so a provider verification running beside this never reads half a file.
  mkdirSync(dirname(committedPath), { recursive: true });
  writeFileSync(`${committedPath}.tmp`, fresh);
  renameSync(`${committedPath}.tmp`, committedPath);
  return false;
}
