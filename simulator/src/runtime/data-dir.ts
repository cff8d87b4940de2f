// The data folder is checked before anything is built: a folder the simulator cannot write would otherwise
// let it start (an existing store is only read at boot) and fail on the first payment instead.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export class DataDirError extends Error {}

function code(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

async function probe(dir: string, what: string): Promise<void> {
  const file = join(dir, `.littlepay-sim-write-check-${process.pid}`);
  try {
    await writeFile(file, '');
    await rm(file, { force: true });
  } catch (err) {
    throw new DataDirError(`${what} is not writable (${code(err)}); pass --data-dir or DATA_DIR, or --memory`);
  }
}

/** Creates the folder if needed and proves that it, and each folder directly in it, can be written. */
export async function checkDataDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new DataDirError(`the data folder ${dir} cannot be created (${code(err)}); pass --data-dir or DATA_DIR, or --memory`);
  }
  await probe(dir, `the data folder ${dir}`);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) await probe(join(dir, entry.name), `${join(dir, entry.name)} in the data folder`);
  }
}
