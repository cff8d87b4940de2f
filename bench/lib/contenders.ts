// The servers a workload is run against, each in its own process: the reference for the workload, and
// the simulator with the in-memory store and with the persisted (lowdb) default.
import type autocannon from 'autocannon';
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createPool, dirSize, sandboxMerchant } from './fixtures.js';
import { SIMULATOR, startServer, type Server } from './servers.js';
import { bareRequests, mapCreateRequests, simRequests, type Credentials, type Workload } from './workloads.js';

export type StoreKind = 'memory' | 'lowdb' | 'reference';

export interface Contender {
  label: string;
  store: StoreKind;
  stored: number;
  server: Server;
  dataDir: string | null;
  /** The requests of one run (each call gives fresh keys). */
  requests: () => autocannon.Request[];
}

/** Simulator flags for load runs: payments complete at once; no line per request (the references log nothing either). */
export const SIM_FLAGS = ['--pin-delay-ms', '0', '--log-level', 'warn'];

let made = 0;

/** The label of the journey reference's rows (the issue names it so). */
export const JOURNEY_REFERENCE = 'journey reference';

/** The workloads whose rows are also compared with the journey reference. */
export const hasJourneyReference = (workload: Workload): boolean => workload === 'journey' || workload === 'mixed';

/** bare fastify for status reads; the Map reference (holding `stored` bodies) for everything else. */
export async function startReference(workload: Workload, stored: number, callbackUrl: string): Promise<Contender> {
  if (workload === 'status') {
    return {
      label: 'bare fastify, GET',
      store: 'reference',
      stored: 0,
      server: await startServer('bench/servers/bare.ts', ['0']),
      dataDir: null,
      requests: bareRequests,
    };
  }
  const tag = `map${made++}`;
  let round = 0;
  return {
    label: 'fastify + schema + Map, create',
    store: 'reference',
    stored,
    server: await startServer('bench/servers/map.ts', [String(stored)]),
    dataDir: null,
    requests: () => mapCreateRequests(`${tag}r${round++}`, callbackUrl),
  };
}

/** The journey reference checks no credentials: any will do, the same for every request. */
export const REFERENCE_MERCHANT: Credentials = { clientId: 'bench', clientSecret: 'bench', tokenId: 'bench', apiKey: 'bench' };

/**
 * The journey reference (bench/servers/journey.ts): the journey's necessary work only. It serves the
 * simulator's paths, so it gets the simulator's very requests; it checks no credentials.
 */
export async function startJourneyReference(workload: Workload, stored: number, callbackUrl: string): Promise<Contender> {
  const tag = `journey${made++}`;
  const server = await startServer('bench/servers/journey.ts', [String(stored)]);
  try {
    const merchant = REFERENCE_MERCHANT;
    const pool = workload === 'mixed' ? await createPool(server.url, merchant, callbackUrl, `${tag}pool`) : [];
    let round = 0;
    return {
      label: JOURNEY_REFERENCE,
      store: 'reference',
      stored,
      server,
      dataDir: null,
      requests: () => simRequests(workload, { merchant, callbackUrl, pool, keyPrefix: `${tag}r${round++}` }),
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

export interface SimulatorStart {
  store: 'memory' | 'lowdb';
  workload: Workload;
  stored: number;
  /** A persisted store holding `stored` intents, copied for this run (lowdb only). */
  template: string | null;
  tmp: string;
  callbackUrl: string;
  label?: string;
  /** Another checkout to run the simulator from (a baseline in the same rounds); this one by default. */
  root?: string;
}

export async function startSimulator(s: SimulatorStart): Promise<Contender> {
  const tag = `sim${made++}`;
  const dataDir = s.store === 'lowdb' ? join(s.tmp, tag) : null;
  if (dataDir) await cp(s.template!, dataDir, { recursive: true });
  const server = dataDir
    ? await startServer(SIMULATOR, ['--port', '0', '--data-dir', dataDir, ...SIM_FLAGS], {}, undefined, s.root)
    : await startServer('bench/servers/sim-memory.ts', [String(s.stored), '--port', '0', ...SIM_FLAGS]);
  try {
    const merchant = await sandboxMerchant(server.url);
    const pool = s.workload === 'status' || s.workload === 'mixed' ? await createPool(server.url, merchant, s.callbackUrl, `${tag}pool`) : [];
    let round = 0;
    return {
      label: s.label ?? `simulator (${s.store})`,
      store: s.store,
      stored: s.stored,
      server,
      dataDir,
      requests: () => simRequests(s.workload, { merchant, callbackUrl: s.callbackUrl, pool, keyPrefix: `${tag}r${round++}` }),
    };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

/** Stops the server (a graceful stop: the log is closed, not folded; decision 0056) and returns the size of its store on disk. */
export async function stopContender(c: Contender): Promise<number | null> {
  await c.server.stop();
  if (!c.dataDir) return null;
  const size = await dirSize(join(c.dataDir, 'store'));
  await rm(c.dataDir, { recursive: true, force: true });
  return size;
}
