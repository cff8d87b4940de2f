// A fetch for the typed clients that sends what a shop's browser sends (an Origin), gives up after a timeout
// and keeps the last answer as an Observation, whatever the client then makes of it.
import { bodyOf, headersThatMatter, SHOP_ORIGIN, type Observation } from './observation.js';

export interface CapturingFetch {
  fetch: typeof fetch;
  /** The answer to the last request, or why there was none; cleared by each request. */
  last(): Observation;
}

export function capturingFetch(base: typeof fetch, timeoutMs: number): CapturingFetch {
  let last: Observation = { kind: 'failed', reason: 'no request was made' };
  const wrapped: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    // The shopper's steps through the simulator's /_sim are not a shop page's calls (and /_sim refuses
    // changes from another site).
    if (!new URL(request.url).pathname.startsWith('/_sim/')) request.headers.set('origin', SHOP_ORIGIN);
    last = { kind: 'failed', reason: 'no answer' };
    let response: Response;
    try {
      response = await base(request, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      const e = err as Error;
      last = {
        kind: 'failed',
        reason: e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `${e.message}${e.cause ? ` (${(e.cause as Error).message})` : ''}`,
      };
      throw err;
    }
    const headers = headersThatMatter(request, response);
    last = { kind: 'answer', status: response.status, headers, body: bodyOf(await response.clone().text(), headers['content-type']) };
    return response;
  };
  return { fetch: wrapped, last: () => last };
}
