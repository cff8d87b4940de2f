// Every console button is a /_sim operation of the contract (issue 22, item 3): a test suite can do exactly what
// QA does by hand. Each form the console offers is mapped to its call, and the call must be an operation that
// contracts/simulator.openapi.yaml declares, method and path.
import { describe, expect, it } from 'vitest';
import { CONTRACT_FILES } from '../../simulator/src/app.js';
import { merchantCall, paymentCall } from '../../simulator/src/console/actions.js';
import { ContractSet } from '../../simulator/src/http/contract.js';

const declared = CONTRACT_FILES.flatMap((f) => new ContractSet().operations(f)).filter((op) => op.path.startsWith('/_sim'));
const intent = { merchantId: 'mer_1', callbackUrl: 'http://x.test/cb', key: 'K1', amount: 10, currency: 'KES' };

/** The declared operation a call's method and concrete URL match, by path template. */
function operationOf(method: string, url: string): string | undefined {
  return declared.find((op) => op.method === method && new RegExp(`^${op.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(url))?.operationId;
}

describe("the console's buttons", () => {
  const payment = ['resolve', 'refund', 'expire', 'replay', 'check'];
  const merchant = ['rotate-key', 'clock', 'outcomes', 'outcomes-clear', 'faults', 'faults-clear', 'tokens-delete', 'reset'];
  const form = { outcome: 'success', amount: '5', callback: 'cb_1', action: 'freeze', outcomes: 'success', type: 'error', token: 'T' };

  it.each(payment)('payment page: %s is a declared /_sim operation', (action) => {
    const call = paymentCall(action, 'ref-1', form, intent)!;
    expect(operationOf(call.method, call.url), `${call.method} ${call.url}`).toBeDefined();
  });

  it.each(merchant)('merchant page: %s is a declared /_sim operation', (action) => {
    const call = merchantCall(action, 'mer_1', form)!;
    expect(operationOf(call.method, call.url), `${call.method} ${call.url}`).toBeDefined();
  });
});
