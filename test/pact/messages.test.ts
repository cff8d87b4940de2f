// Message pacts for the payment and refund callbacks. Consumer: a merchant's callback receiver built
// on the client's verifyCallback (./callback-receiver.ts), fed each example callback signed with a
// test-only key. Provider: the simulator's real callback builders (paymentCallbackBody,
// refundCallbackBody) and signer (signCallback), over intents set up by POST /_sim/provider-states.
import { MatchersV3 as M, MessageProviderPact, PactV4 } from '@pact-foundation/pact';
import { createPrivateKey, createPublicKey, createSign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signCallback } from '../../simulator/src/callbacks/signing.js';
import { paymentCallbackBody, refundCallbackBody } from '../../simulator/src/domain/views.js';
import { PACT_CREDENTIALS } from '../../simulator/src/services/provider-states.js';
import { startTestSim, type TestSim } from '../helpers/sim.js';
import { receiveCallback } from './callback-receiver.js';
import { syncPactFile } from './pact-file.js';

const CONSUMER = 'merchant-callback-receiver';
const PROVIDER = 'littlepay-sim-callbacks';
const PACT_FILE = resolve('contracts/pacts', `${CONSUMER}-${PROVIDER}.json`);
const EXAMPLE_TIMESTAMP = '1767225600';
const exampleKey = createPrivateKey(readFileSync(new URL('./fixtures/example-callback-key.pem', import.meta.url), 'utf8'));
const examplePublicKey = createPublicKey(exampleKey).export({ type: 'spki', format: 'pem' }).toString();

const date = (example: string) => M.regex('^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$', example);
const billing = { billingAddress: { email: 'jane@example.com', firstName: 'Jane', lastName: 'Doe' } };
const reference = M.uuid('1cbfffbc-b365-45f6-9e5d-13e445c125cd');

/** A completed card payment's callback, keys in alphabetical order (`extra` sorts last). */
const cardPayment = (extra: Record<string, unknown> = {}) => ({
  amount: 1500,
  currency: 'KES',
  date: date('2026-01-01T00:00:00.000Z'),
  key: 'ORDER123',
  payload: billing,
  payment: { details: { brand: 'visa', expiry: '01/39', first6: '400000', last4: '2701' }, provider: 'CARDS' },
  provider: 'CARDS',
  reference,
  status: 'COMPLETED',
  ...extra,
});

interface MessageDef {
  description: string;
  state: string;
  /** Keys in alphabetical order: the example signature is over JSON.stringify of exactly this order. */
  content: Record<string, unknown>;
  expected: Record<string, unknown>;
}

const messages: MessageDef[] = [
  {
    description: 'a payment callback for a completed M-Pesa payment',
    state: 'a sandbox merchant with a completed MPESA payment with key ORDER123',
    content: {
      amount: 1500,
      currency: 'KES',
      date: date('2026-01-01T00:00:00.000Z'),
      key: 'ORDER123',
      payload: billing,
      provider: 'MPESA',
      reference,
      status: 'COMPLETED',
    },
    expected: { accepted: true, kind: 'payment', status: 'COMPLETED', key: 'ORDER123', amount: 1500 },
  },
  {
    description: 'a payment callback for a failed M-Pesa payment',
    state: 'a sandbox merchant with a failed MPESA payment with key ORDER123',
    content: {
      amount: 1500,
      currency: 'KES',
      date: date('2026-01-01T00:00:00.000Z'),
      key: 'ORDER123',
      payload: billing,
      provider: 'MPESA',
      reference,
      status: 'FAILED',
    },
    expected: { accepted: true, kind: 'payment', status: 'FAILED' },
  },
  {
    description: 'a payment callback for a card payment, with the masked card',
    state: 'a sandbox merchant with an intent with key ORDER123 enrolled with card 4000000000002701',
    content: cardPayment(),
    expected: { accepted: true, kind: 'payment', status: 'COMPLETED' },
  },
  {
    description: 'a payment callback for a card payment that saved the card (tokenInformation)',
    state: 'a sandbox merchant with a card saved by the payment with key ORDER123',
    content: cardPayment({ tokenInformation: { customer: { id: M.regex('^[0-9A-F]{32}$', '1FCA46377B709D13E0631E588D0AC763') } } }),
    expected: { accepted: true, kind: 'payment', status: 'COMPLETED', savedCard: '1FCA46377B709D13E0631E588D0AC763' },
  },
  {
    description: 'a refund callback for a completed refund',
    state: 'a sandbox merchant with a completed MPESA payment with key ORDER123',
    content: {
      amount: 500,
      date: date('2026-01-01T00:00:00.000Z'),
      key: 'ORDER123',
      message: 'Success',
      reason: 'One item out of stock',
      reference,
      status: 'COMPLETED',
    },
    expected: { accepted: true, kind: 'refund', status: 'COMPLETED', amount: 500 },
  },
  {
    description: 'a refund callback for a refund that failed after a PENDING answer',
    state: 'a sandbox merchant with a completed MPESA payment with key ORDER123',
    content: {
      amount: 902,
      date: date('2026-01-01T00:00:00.000Z'),
      key: 'ORDER123',
      message: M.string("Refund failed: the provider could not return the money to the payer's account"),
      reason: 'Returned to the shop',
      reference,
      status: 'FAILED',
    },
    expected: { accepted: true, kind: 'refund', status: 'FAILED', amount: 902 },
  },
];

function exampleSignature(content: unknown): string {
  const json = JSON.stringify(M.reify(content));
  return createSign('SHA256').update(`${EXAMPLE_TIMESTAMP}.${json}`).sign(exampleKey, 'base64');
}

const dir = mkdtempSync(join(tmpdir(), 'message-pacts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('callback message pacts: the consumer (a receiver on verifyCallback)', () => {
  const pact = new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir, logLevel: 'error' });
  for (const m of messages) {
    it(`accepts ${m.description}`, async () => {
      await pact
        .addAsynchronousInteraction()
        .given(m.state)
        .expectsToReceive(m.description, (b) =>
          b.withJSONContent(m.content).withMetadata({
            contentType: 'application/json',
            'x-littlepay-signature': M.regex('^[A-Za-z0-9+/]+={0,2}$', exampleSignature(m.content)),
            'x-littlepay-timestamp': M.regex('^\\d{10}$', EXAMPLE_TIMESTAMP),
          }),
        )
        .executeTest(async (message) => {
          const headers = message.metadata as Record<string, string>;
          // Received the moment it was signed; the same message ten minutes later is a replay, refused.
          const signedAt = Number(EXAMPLE_TIMESTAMP) * 1000;
          const received = receiveCallback(message.contents.content, headers, examplePublicKey, signedAt);
          expect(received).toMatchObject(m.expected);
          expect(receiveCallback(message.contents.content, headers, examplePublicKey, signedAt + 600_000)).toEqual({
            accepted: false,
            reason: 'stale_timestamp',
          });
          // The same callback with one field changed is refused: the receiver really checks the signature.
          const tampered = { ...(message.contents.content as Record<string, unknown>), amount: 1 };
          expect(receiveCallback(tampered, headers, examplePublicKey, signedAt)).toEqual({ accepted: false, reason: 'bad_signature' });
        });
    });
  }

  it('writes the same pact as the one committed in contracts/pacts', () => {
    const current = syncPactFile(readFileSync(join(dir, `${CONSUMER}-${PROVIDER}.json`), 'utf8'), PACT_FILE);
    expect(current, `${PACT_FILE} was out of date and has been rewritten: review it (git diff) and commit it`).toBe(true);
  });
});

/** Sets up a provider state through the /_sim API and answers the intent's reference. */
async function providerState(sim: TestSim, state: string): Promise<string> {
  const res = await sim.inject({ method: 'POST', url: '/_sim/provider-states', headers: { 'content-type': 'application/json' }, payload: { state } });
  if (res.statusCode !== 200) throw new Error(`provider state "${state}": ${res.statusCode} ${res.body}`);
  return res.json().reference as string;
}

/** The simulator's own callback for what the state's intent went through, signed by its own signer. */
function signed(sim: TestSim, body: unknown) {
  const out = signCallback(body, sim.app.sim.ctx.keys.privateKey, sim.clock.now());
  const stored = [...sim.app.sim.ctx.store.all('callbacks')].at(-1);
  // What the builder makes is what the outbox stored and sends.
  expect(stored?.body).toEqual(body);
  return {
    message: JSON.parse(out.body),
    __pactMessageMetadata: {
      contentType: 'application/json',
      'x-littlepay-signature': out.headers['x-littlepay-signature']!,
      'x-littlepay-timestamp': out.headers['x-littlepay-timestamp']!,
    },
  };
}

describe("callback message pacts: the provider (the simulator's callback builders and signer)", () => {
  it('honours the committed message pact', async () => {
    const sim = await startTestSim({ refundDelayMs: 1000 });
    let ref = '';
    const lastAttempt = () => {
      const intent = sim.app.sim.payments.intent(ref);
      return paymentCallbackBody(intent, intent.attempts.at(-1)!);
    };
    /** A refund of `amount` with a callbackUrl, its delay passed: the refund callback the simulator made. */
    const refunded = async (amount: number, reason: string) => {
      const res = await sim.inject({
        method: 'POST',
        url: '/api/refund/ORDER123',
        headers: { 'x-api-key': PACT_CREDENTIALS.sandbox.apiKey, 'content-type': 'application/json' },
        payload: { amount, reason, callbackUrl: 'https://shop.example/littlepay/refund' },
      });
      expect(res.json().data.status).toBe('PENDING');
      await sim.advance(1000);
      const intent = sim.app.sim.payments.intent(ref);
      return signed(sim, refundCallbackBody(intent, intent.refunds.at(-1)!));
    };
    const verifier = new MessageProviderPact({
      provider: PROVIDER,
      pactUrls: [PACT_FILE],
      logLevel: 'error',
      stateHandlers: Object.fromEntries(messages.map((m) => [m.state, async () => void (ref = await providerState(sim, m.state))])),
      messageProviders: {
        'a payment callback for a completed M-Pesa payment': () => signed(sim, lastAttempt()),
        'a payment callback for a failed M-Pesa payment': () => signed(sim, lastAttempt()),
        'a payment callback for a card payment, with the masked card': async () => {
          await sim.inject({ method: 'POST', url: `/pay/${ref}/process`, headers: { 'content-type': 'application/json' }, payload: { type: 'CARDS' } });
          return signed(sim, lastAttempt());
        },
        'a payment callback for a card payment that saved the card (tokenInformation)': () => signed(sim, lastAttempt()),
        'a refund callback for a completed refund': () => refunded(500, 'One item out of stock'),
        'a refund callback for a refund that failed after a PENDING answer': () => refunded(902, 'Returned to the shop'),
      },
    });
    await expect(verifier.verify()).resolves.toBeDefined();
  });
});
