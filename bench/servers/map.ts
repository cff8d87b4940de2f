// Reference: fastify validating a create-intent body against the contract's own schema, with the
// simulator's Ajv settings, and storing it in a Map: the practical limit of our stack for a validated
// create. Pre-filled with `count` bodies so its memory can be compared at the same number stored.
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { ContractSet } from '../../simulator/src/http/contract.js';
import { createAjv } from '../../simulator/src/http/ajv.js';
import { seedBody } from '../lib/bodies.js';

const count = Number(process.argv[2] ?? 0);
const schema = new ContractSet().operations('littlepay.openapi.yaml').find((o) => o.operationId === 'createIntent')?.requestSchema;
if (!schema) throw new Error('createIntent has no request schema in the contract');

const ajv = createAjv(false);
const app = Fastify({ bodyLimit: 1024 * 1024 });
app.setValidatorCompiler(({ schema: s }) => ajv.compile(s as object));
const intents = new Map<string, unknown>();
for (let n = 0; n < count; n++) intents.set(randomUUID(), seedBody(n));

app.post('/intents', { schema: { body: schema } }, async (req) => {
  const reference = randomUUID();
  intents.set(reference, req.body);
  return { date: new Date().toISOString(), data: { reference, message: 'Request processed successfully' } };
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(`listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
