// The class of node's FileHandle (not exported by node:fs/promises), to spy on its methods in tests.
import { open, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const probePath = join(tmpdir(), `.littlepay-file-handle-probe-${process.pid}`);
const probe = await open(probePath, 'w');
await probe.close();
await unlink(probePath);

export const FileHandle = probe.constructor as { prototype: Awaited<ReturnType<typeof open>> };
