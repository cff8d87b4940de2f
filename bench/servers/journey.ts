// Reference: the journey's necessary work and nothing else, the honest ceiling for the journey and mixed
// workloads (issue 25). The same paths as the simulator, so the bench's client sends the very same
// requests: a create validated against the contract's schema and kept in a Map; a payment validated
// against its schema, answered PENDING, then completed on the next turn with its callback signed with
// RSA-2048 (SHA-256, PKCS#1 v1.5) over `<unix seconds>.<JSON>` as the simulator signs it, in the thread
// pool, and POSTed over a keep-alive connection; a status read from the Map (by reference or key).
// No credentials, no journal, no durability, no retries: what any server doing this must do.
//   journey.ts <stored>
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { Agent, request } from 'node:http';
import Fastify from 'fastify';
import { createAjv } from '../../simulator/src/http/ajv.js';
import { ContractSet } from '../../simulator/src/http/contract.js';
import { seedBody } from '../lib/bodies.js';

interface Intent {
  reference: string;
  key: string;
  amount: number;
  currency: string;
  description: string;
  callbackUrl: string;
  payload: { billingAddress?: Record<string, unknown> };
  status: 'NEW' | 'PENDING' | 'COMPLETED';
  attempts: Array<{ provider: string; status: string; message: string; providerReference: string; date: string }>;
}
type CreateBody = Omit<Intent, 'reference' | 'status' | 'attempts'>;

const count = Number(process.argv[2] ?? 0);
const operations = new ContractSet().operations('littlepay.openapi.yaml');
const schemaOf = (id: string) => {
  const schema = operations.find((o) => o.operationId === id)?.requestSchema;
  if (!schema) throw new Error(`${id} has no request schema in the contract`);
  return schema;
};
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const agent = new Agent({ keepAlive: true });

const ajv = createAjv(false);
const app = Fastify({ bodyLimit: 1024 * 1024 });
app.setValidatorCompiler(({ schema: s }) => ajv.compile(s as object));
const byReference = new Map<string, Intent>();
const byKey = new Map<string, Intent>();
// The simulator's answers and callbacks show every billing field, empty when not given: the same bytes
// here, the view made once at create.
const EMPTY_BILLING = {
  firstName: '',
  lastName: '',
  address1: '',
  locality: '',
  administrativeArea: '',
  postalCode: '',
  country: '',
  email: '',
  phoneNumber: '',
};
const store = (body: CreateBody): Intent => {
  const payload = { billingAddress: { ...EMPTY_BILLING, ...body.payload?.billingAddress } };
  const intent: Intent = { ...body, payload, reference: randomUUID(), status: 'NEW', attempts: [] };
  byReference.set(intent.reference, intent);
  byKey.set(intent.key, intent);
  return intent;
};
for (let n = 0; n < count; n++) store(seedBody(n) as unknown as CreateBody);

const wholeSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();

/** The payment's result and its signed callback, as the simulator's outbox sends it. */
function complete(intent: Intent, provider: string): void {
  const now = Date.now();
  const attempt = intent.attempts.at(-1)!;
  attempt.status = 'COMPLETED';
  attempt.message = 'Payment successful';
  attempt.providerReference = randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase();
  attempt.date = new Date(now).toISOString();
  intent.status = 'COMPLETED';
  const json = JSON.stringify({
    reference: intent.reference,
    status: 'COMPLETED',
    payload: intent.payload,
    amount: intent.amount,
    key: intent.key,
    currency: intent.currency,
    provider,
    date: wholeSeconds(now),
  });
  const timestamp = String(Math.floor(now / 1000));
  sign('sha256', Buffer.from(`${timestamp}.${json}`), privateKey, (err, signature) => {
    if (err) throw err;
    const headers = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(json),
      'x-littlepay-signature': signature.toString('base64'),
      'x-littlepay-timestamp': timestamp,
      'user-agent': 'littlepay-sim',
    };
    const req = request(intent.callbackUrl, { method: 'POST', agent, headers }, (res) => res.resume());
    req.on('error', () => {});
    req.end(json);
  });
}

const envelope = <T>(data: T) => ({ date: new Date().toISOString(), data });
const notFound = { date: '', data: { message: 'not found', code: 'INTENT_NOT_FOUND' } };

app.post('/api/payments/:tokenId/pay', { schema: { body: schemaOf('createIntent') } }, async (req) => {
  const intent = store(req.body as CreateBody);
  return envelope({ reference: intent.reference, checkoutUrl: `http://127.0.0.1/checkout/${intent.reference}`, message: 'Request processed successfully' });
});

app.post('/pay/:reference/process', { schema: { body: schemaOf('processPayment') } }, async (req, reply) => {
  const intent = byReference.get((req.params as { reference: string }).reference);
  if (!intent) return reply.code(404).send(notFound);
  const { type } = req.body as { type: string };
  const date = new Date().toISOString();
  intent.status = 'PENDING';
  intent.attempts.push({ provider: type, status: 'PENDING', message: `You will be promoted to enter your ${type} PIN`, providerReference: '', date });
  // The simulator completes a payment with no PIN delay on a later turn, after its answer: so does this.
  setImmediate(() => complete(intent, type));
  const meta = {
    provider: type,
    providerReference: '',
    stepUpUrl: null,
    accessToken: null,
    amount: intent.amount,
    currency: intent.currency,
    description: intent.description,
    reference: intent.reference,
  };
  return envelope({ status: 'PENDING', message: `You will be promoted to enter your ${type} PIN`, meta });
});

app.get('/api/payments-v2/:key', async (req, reply) => {
  const { key } = req.params as { key: string };
  const intent = byReference.get(key) ?? byKey.get(key);
  if (!intent) return reply.code(404).send(notFound);
  return envelope({
    reference: intent.reference,
    status: intent.status,
    payload: intent.payload,
    amount: intent.amount,
    currency: intent.currency,
    description: intent.description,
    payment: { provider: intent.attempts.at(-1)?.provider ?? null, details: null },
    key: intent.key,
    expired: false,
    attempts: intent.attempts.map((a) => ({ reference: intent.reference, ...a })),
    refunds: [],
  });
});

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
// An exit rather than death by signal, so that `npm run bench:profile -- --store reference` gets its profile.
process.once('SIGTERM', () => process.exit(0));
