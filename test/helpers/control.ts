// Calls of the /_sim control API for tests, through inject (the same wire a test suite over HTTP uses).
import type { LightMyRequestResponse } from 'fastify';
import type { Merchant, TestSim } from './sim.js';

export type Target = Pick<Merchant, 'id'>;

const json = { 'content-type': 'application/json' };

export function clock(sim: TestSim, m: Target, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return sim.inject({ method: 'POST', url: `/_sim/merchants/${m.id}/clock`, headers: { ...json, ...headers }, payload: body });
}

export async function advanceClock(sim: TestSim, m: Target, by: string) {
  const res = await clock(sim, m, { action: 'advance', by });
  if (res.statusCode !== 200) throw new Error(`advance failed: ${res.statusCode} ${res.body}`);
  return res.json() as { now: string; frozen: boolean; leadMs: number; pendingTimers: number };
}

export function queueOutcomes(sim: TestSim, m: Target, body: Record<string, unknown>) {
  return sim.inject({ method: 'POST', url: `/_sim/merchants/${m.id}/outcomes`, headers: json, payload: body });
}

export function addFault(sim: TestSim, m: Target, body: Record<string, unknown>) {
  return sim.inject({ method: 'POST', url: `/_sim/merchants/${m.id}/faults`, headers: json, payload: body });
}

export async function journal(sim: TestSim, m: Target) {
  const res = await sim.inject({ method: 'GET', url: `/_sim/merchants/${m.id}/requests` });
  if (res.statusCode !== 200) throw new Error(`journal failed: ${res.statusCode} ${res.body}`);
  return res.json() as {
    limit: number;
    dropped: number;
    requests: Array<{
      seq: number;
      operationId: string;
      method: string;
      path: string;
      status: number;
      durationMs: number;
      fault: string | null;
      requestBody: unknown;
      responseBody: unknown;
    }>;
  };
}

export async function intents(sim: TestSim, m: Target) {
  return (await sim.inject({ method: 'GET', url: `/_sim/merchants/${m.id}/intents` })).json().intents as Array<{
    reference: string;
    status: string;
    expired: boolean;
    attempts: Array<{ outcome: string; outcomeSource: string; status: string }>;
  }>;
}

/** A merchant of its own, so a test's controls touch nobody else. */
export async function newMerchant(sim: TestSim, body: Record<string, unknown> = {}): Promise<Merchant> {
  const res = await sim.inject({ method: 'POST', url: '/_sim/merchants', headers: json, payload: { environment: 'sandbox', ...body } });
  if (res.statusCode !== 201) throw new Error(`createMerchant failed: ${res.statusCode} ${res.body}`);
  return res.json() as Merchant;
}
