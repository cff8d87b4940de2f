// RSS with a number of intents stored: the Map reference holding as many bodies, and the simulator with
// each store, each just started (the simulator with the persisted default loads them from its files)
// and given a few requests, then read after a second at rest. What the load runs add is not in it.
import { probe } from './servers.js';
import { startReference, startSimulator, stopContender, type Contender } from './contenders.js';

export interface RssAt {
  stored: number;
  mapBytes: number;
  memoryBytes: number;
  lowdbBytes: number;
}

async function settle(c: Contender): Promise<number> {
  for (let i = 0; i < 20; i++) await probe(`${c.server.url}/`);
  await new Promise((r) => setTimeout(r, 1000));
  return c.server.rss();
}

export async function rssAt(stored: number, template: string, tmp: string, callbackUrl: string): Promise<RssAt> {
  const out: RssAt = { stored, mapBytes: NaN, memoryBytes: NaN, lowdbBytes: NaN };
  const map = await startReference('create', stored, callbackUrl);
  out.mapBytes = await settle(map).finally(() => stopContender(map));
  const memory = await startSimulator({ store: 'memory', workload: 'create', stored, template: null, tmp, callbackUrl });
  out.memoryBytes = await settle(memory).finally(() => stopContender(memory));
  const lowdb = await startSimulator({ store: 'lowdb', workload: 'create', stored, template, tmp, callbackUrl });
  out.lowdbBytes = await settle(lowdb).finally(() => stopContender(lowdb));
  return out;
}
