// How a simulator process that serves asks V8 to manage its heap (docs/decisions/0057-no-pretenuring.md).
import v8 from 'node:v8';

/**
 * The V8 flag the littlepay-sim command sets before it builds the app and serves (server.ts: serve; so
 * npm start and the Docker image). The library (startSimulator) does not: it runs inside an integrator's
 * process, whose heap is not the simulator's to tune.
 *
 * `--no-allocation-site-pretenuring`: V8 watches each object literal's survival, and once most of a site's
 * objects outlive a young-generation collection it allocates the site's later objects straight into the old
 * generation, for good. Under a burst of requests right after a start that loaded a stored data folder, a
 * collection can find a hundred requests in flight: node's and fastify's per-request objects were then
 * tenured, died in the old generation and were only freed by full collections. Measured with 10,000 intents
 * stored: create req/s 12 to 20 % lower, p99 1.5× and RSS twice what the same start reached without it,
 * in most starts and for as long as the process ran. Without pretenuring, long-lived records are copied once
 * by the young collector instead: no difference measured on an empty folder.
 */
export function tuneHeapForServing(): void {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}
