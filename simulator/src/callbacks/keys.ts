// The simulator's own callback signing key pair (it cannot sign with Little Pay's key). Made on first
// start and kept in the data folder; the private key file is readable by its owner only.
import { generateKeyPair, generateKeyPairSync, createPublicKey, type KeyObject, createPrivateKey } from 'node:crypto';
import { promisify } from 'node:util';
import { mkdir, readFile, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';

export interface SigningKeys {
  privateKey: KeyObject;
  publicKeyPem: string;
  /** Where the public key is on disk, when it is. */
  publicKeyPath?: string;
}

export function generateSigningKeys(): SigningKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** The same, made in the thread pool: the event loop goes on meanwhile (the simulator starts faster). */
export async function generateSigningKeysAsync(): Promise<SigningKeys> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export async function loadOrCreateSigningKeys(dataDir: string): Promise<SigningKeys> {
  const dir = join(dataDir, 'keys');
  const privatePath = join(dir, 'callback-private.pem');
  const publicKeyPath = join(dir, 'callback-public.pem');
  try {
    const privateKey = createPrivateKey(await readFile(privatePath, 'utf8'));
    const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    return { privateKey, publicKeyPem, publicKeyPath };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(dir, { recursive: true });
  const keys = await generateSigningKeysAsync();
  await writeFile(privatePath, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });
  await chmod(privatePath, 0o600);
  await writeFile(publicKeyPath, keys.publicKeyPem);
  return { ...keys, publicKeyPath };
}
