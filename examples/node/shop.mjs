// A minimal merchant backend on Little Pay: a signed-callback endpoint and one journey through the API.
//
//   node shop.mjs          the journey: create an intent that saves the card, pay it, read the status, refund
//                          part of it, pay a second order with the saved card; exits 0 when all held
//   node shop.mjs serve    only the callback endpoint, until Ctrl-C
//
// Settings (environment): LITTLEPAY_BASE_URL, LITTLEPAY_CLIENT_ID, LITTLEPAY_CLIENT_SECRET, LITTLEPAY_TOKEN_ID,
// LITTLEPAY_API_KEY (default: the simulator's first demo merchant), LITTLEPAY_PUBLIC_KEY_FILE (default: the
// simulator's key from /_sim/keys/callback.pem), SHOP_HOST and SHOP_PORT (default 127.0.0.1 and a free port).
import { randomBytes } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { littlePay, verifyCallback } from './littlepay.mjs';

const env = (name, fallback) => process.env[name] || fallback;
const BASE_URL = env('LITTLEPAY_BASE_URL', 'http://localhost:3000');
const CALLBACK_PATH = '/littlepay/callback';

/** The shop's orders by key. A real shop keeps them in its database. */
class Orders extends EventEmitter {
  byKey = new Map();
  seen = new Set();

  add(key, amount) {
    this.byKey.set(key, { amount, status: 'PENDING', customerId: undefined });
  }

  /** Idempotent: a callback seen before changes nothing, and nothing undoes a COMPLETED payment. */
  applyCallback(body) {
    const seenKey = `${body.reference}|${body.status}|${body.date}`;
    if (this.seen.has(seenKey)) return 'already processed';
    const order = this.byKey.get(body.key);
    if (!order) return 'no such order, nothing to fulfil';
    this.seen.add(seenKey);
    if (order.status !== 'COMPLETED') order.status = body.status;
    order.customerId = body.tokenInformation?.customer?.id ?? order.customerId;
    this.emit('change');
    return `order ${body.key} is ${order.status}`;
  }

  async waitFor(key, status, timeoutMs = 15_000) {
    const signal = AbortSignal.timeout(timeoutMs);
    while (this.byKey.get(key).status !== status) {
      await once(this, 'change', { signal }).catch(() => {
        throw new Error(`no ${status} callback for ${key} within ${timeoutMs / 1000} s`);
      });
    }
    return this.byKey.get(key);
  }
}

function callbackServer(publicKeyPem, orders) {
  return createServer(async (req, res) => {
    const answer = (status, payload) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    if (req.method !== 'POST' || req.url !== CALLBACK_PATH) return answer(404, { error: 'not found' });
    let raw = '';
    for await (const chunk of req) raw += chunk;
    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      return answer(400, { error: 'body is not JSON' });
    }
    const problem = verifyCallback(publicKeyPem, body, req.headers['x-littlepay-signature'], req.headers['x-littlepay-timestamp']);
    if (problem) return answer(401, { error: problem });
    // Answer at once; a slow answer is retried by Little Pay as if it were lost.
    return answer(200, { received: true, result: orders.applyCallback(body) });
  });
}

async function readPublicKey() {
  if (process.env.LITTLEPAY_PUBLIC_KEY_FILE) return readFile(process.env.LITTLEPAY_PUBLIC_KEY_FILE, 'utf8');
  // The simulator signs with its own key; against Little Pay, configure its published key instead.
  return (await fetch(`${BASE_URL}/_sim/keys/callback.pem`)).text();
}

function expect(condition, problem) {
  if (!condition) throw new Error(problem);
}

async function journey(lp, orders, callbackUrl) {
  // 1. The Tokenization Guide's create body: createCustomer saves the card the shopper pays with.
  const key = `SAVECARD${randomBytes(4).toString('hex').toUpperCase()}`;
  orders.add(key, 100);
  const intent = await lp.createIntent({
    amount: 100, currency: 'KES', description: 'Saving card for future use', callbackUrl, key,
    payload: { billingAddress: { firstName: 'John', lastName: 'Doe', email: 'john@example.com' } },
    metadata: { createCustomer: true },
  });
  console.log(`1. intent ${intent.reference} for order ${key}; the shopper pays at ${intent.checkoutUrl}`);
  await payAsShopper(lp, intent.reference);
  const { customerId } = await orders.waitFor(key, 'COMPLETED');
  console.log(`2. signed callback verified: order ${key} COMPLETED, saved card ${customerId}`);
  const status = await lp.status(key);
  expect(status.status === 'COMPLETED', `status ${status.status}`);
  expect(status.tokenInformation?.customer?.id === customerId, 'the status names another saved card');
  console.log(`3. status of ${key}: ${status.status}, paid by ${status.payment.provider}`);
  const refund = await lp.refund(key, 40, 'One item returned');
  expect(refund.status === 'COMPLETED', `refund ${refund.status}`);
  console.log(`4. refund of 40 KES: ${refund.status}`);
  const second = `ORDER${randomBytes(4).toString('hex').toUpperCase()}`;
  orders.add(second, 250);
  const next = await lp.createIntent({ amount: 250, currency: 'KES', description: 'Second order', key: second, callbackUrl });
  const paid = await lp.payWithSavedCard(next.reference, customerId);
  expect(paid.status === 'COMPLETED', `saved-card payment ${paid.status}`);
  await orders.waitFor(second, 'COMPLETED');
  console.log(`5. order ${second} paid with the saved card: ${paid.status}, callback verified`);
}

/** What the hosted checkout does in the shopper's browser, with the simulator's frictionless test card. */
async function payAsShopper(lp, reference) {
  const card = { cc_number: '4000000000002701', cc_cvv: '123', cc_exp: '01/39', cc_name: 'John Doe' };
  await lp.payStep(reference, 'cspaToken', { type: 'CARDS', payment: card });
  await lp.payStep(reference, 'enroll', { deviceInformation: {
    httpBrowserColorDepth: 24, httpBrowserJavaEnabled: false, httpBrowserJavaScriptEnabled: true,
    httpBrowserLanguage: 'en-US', httpBrowserScreenHeight: 844, httpBrowserScreenWidth: 390, httpBrowserTimeDifference: 0,
  } });
  await lp.payStep(reference, 'process', { type: 'CARDS' });
}

const orders = new Orders();
const server = callbackServer(await readPublicKey(), orders);
const host = env('SHOP_HOST', '127.0.0.1');
server.listen(Number(env('SHOP_PORT', '0')), host);
await once(server, 'listening');
const callbackUrl = `http://${host}:${server.address().port}${CALLBACK_PATH}`;
console.log(`callback endpoint: ${callbackUrl}`);
if (process.argv[2] !== 'serve') {
  const lp = littlePay({
    baseUrl: BASE_URL,
    clientId: env('LITTLEPAY_CLIENT_ID', '9a711fe0741dd9f8'),
    clientSecret: env('LITTLEPAY_CLIENT_SECRET', 'VFrP59Q/3TvMVrmzsPchYA=='),
    tokenId: env('LITTLEPAY_TOKEN_ID', '5a231cf6-3ce6-4c5b-a664-f47aed39f8d7'),
    apiKey: env('LITTLEPAY_API_KEY', 'sk_sandbox_bdc9d69af6dd22a94232fec2d8a9fcfbe47ed6dd'),
  });
  try {
    await journey(lp, orders, callbackUrl);
    console.log('journey: ok');
  } finally {
    server.close();
    server.closeAllConnections();
  }
}
