// The built-in callback receiver at <PUBLIC_URL>/_sim/inbox/{name}: it checks each message's signature
// the way integrators do (the client's verifyCallback over JSON.stringify of the parsed body) and keeps
// it. Memory is bounded by INBOX_LIMIT across every inbox, the oldest message going first.
import type { InboxRecord } from '../domain/records.js';
import { iso } from '../runtime/clock.js';
import { lazyImport } from '../runtime/lazy.js';
import { commit, type Context } from './context.js';

/** The client library (and openapi-fetch behind it), imported with the first message rather than at start. */
const client = lazyImport(() => import('../../../client/src/index.js'));

type Headers = Record<string, string | string[] | undefined>;

const KEPT_HEADERS = ['x-littlepay-signature', 'x-littlepay-timestamp', 'content-type', 'x-littlepay-sim-check'] as const;

export async function receiveInbox(ctx: Context, name: string, body: unknown, headers: Headers): Promise<InboxRecord> {
  // signatureValid says whether the signature verifies, nothing more: the inbox keeps everything, replays
  // included (the receiver check's stale case arrives validly signed), so the replay window is opted out of.
  const { verifyCallback } = await client();
  const signatureValid = verifyCallback(body, headers, ctx.keys.publicKeyPem, { toleranceSeconds: false }).ok;
  const kept: Record<string, string> = {};
  for (const h of KEPT_HEADERS) {
    const v = headers[h];
    const value = Array.isArray(v) ? v[0] : v;
    // The receiver check marks its test callbacks; ordinary callbacks do not carry that header.
    if (value !== undefined || h !== 'x-littlepay-sim-check') kept[h] = value ?? '';
  }
  const message: InboxRecord = {
    id: `in_${ctx.ids.hex('inbox', 16)}`,
    name,
    receivedAt: iso(ctx.globalClock.now()),
    signatureValid,
    headers: kept,
    body,
  };
  await commit(ctx, [{ collection: 'inbox', value: message }]);
  pruneInbox(ctx);
  return message;
}

/** What one inbox holds, oldest first. */
export function listInbox(ctx: Context, name: string): InboxRecord[] {
  return [...ctx.store.all('inbox')].filter((m) => m.name === name);
}

/** Drops the oldest messages from memory beyond INBOX_LIMIT (the log on disk keeps them). */
function pruneInbox(ctx: Context): void {
  let excess = ctx.store.count('inbox') - ctx.config.inboxLimit;
  if (excess <= 0) return;
  const oldest: string[] = [];
  for (const m of ctx.store.all('inbox')) {
    if (excess-- <= 0) break;
    oldest.push(m.id);
  }
  for (const id of oldest) ctx.store.forget('inbox', id);
}
