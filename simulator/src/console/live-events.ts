// Live updates of the console by server-sent events (docs/decisions/0105): one stream per open page, told
// "something changed" when intents, callbacks, merchants or controls change. Changes are coalesced, so a
// burst of commits (a clock advanced 31 minutes) costs one event per page; the page then fetches itself.
import type { ServerResponse } from 'node:http';
import type { CollectionName } from '../domain/records.js';
import type { Change, Store } from '../store/store.js';

const WATCHED = new Set<CollectionName>(['intents', 'callbacks', 'merchants', 'controls', 'tokens', 'callbackChecks']);
/** Real milliseconds a burst of changes is gathered for. */
const COALESCE_MS = 150;
/** A comment line this often keeps proxies from closing an idle stream. */
const KEEP_ALIVE_MS = 25_000;

export class LiveEvents {
  private readonly streams = new Set<ServerResponse>();
  private readonly references = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private readonly keepAlive: NodeJS.Timeout;
  private readonly stopObserving: () => void;
  private seq = 0;

  constructor(store: Store) {
    this.stopObserving = store.observe((change) => this.changed(change));
    this.keepAlive = setInterval(() => this.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    this.keepAlive.unref();
  }

  get open(): number {
    return this.streams.size;
  }

  /** Takes over a response as an event stream until the browser goes away or the server stops. */
  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // The browser reconnects after this many ms if the stream drops.
    res.write('retry: 2000\n\n');
    this.streams.add(res);
    res.on('close', () => this.streams.delete(res));
  }

  /** Ends every stream (the server is stopping: an open stream would hold the stop). */
  close(): void {
    this.stopObserving();
    clearInterval(this.keepAlive);
    if (this.timer) clearTimeout(this.timer);
    for (const res of this.streams) res.end();
    this.streams.clear();
  }

  private changed(change: Change): void {
    if (!WATCHED.has(change.collection) || this.streams.size === 0) return;
    if (change.collection === 'intents' && 'value' in change) this.references.add(change.value.id);
    this.timer ??= setTimeout(() => this.flush(), COALESCE_MS);
  }

  private flush(): void {
    this.timer = null;
    const references = [...this.references].slice(0, 100);
    this.references.clear();
    this.seq += 1;
    this.write(`id: ${this.seq}\nevent: change\ndata: ${JSON.stringify({ references })}\n\n`);
  }

  private write(text: string): void {
    for (const res of this.streams) res.write(text);
  }
}
