// Stores `count` intents through the app's own service (not over HTTP): the same records a create
// request makes, written to whichever store the app has, quickly.
import type { FastifyInstance } from 'fastify';
import type { CreateIntentBody } from '../../simulator/src/domain/intents.js';
import { seedBody } from './bodies.js';

const CHUNK = 2000;

export async function seedIntents(app: FastifyInstance, count: number): Promise<void> {
  const merchant = app.sim.merchants.list().find((m) => m.environment === 'sandbox');
  if (!merchant) throw new Error('no sandbox merchant to seed intents for');
  for (let from = 0; from < count; from += CHUNK) {
    const n = Math.min(CHUNK, count - from);
    await Promise.all(Array.from({ length: n }, (_, k) => app.sim.payments.createIntent(merchant, seedBody(from + k) as CreateIntentBody)));
  }
}
