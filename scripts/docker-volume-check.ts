// Half of the Docker volume check in .ci/docker-checks.sh, run against a container with the typed client.
//   write: a merchant is created and one of its payments completed; what must survive goes to --state.
//   read:  (a new container on the same /data volume) the merchant, the payment and the signing key are all
//          still there. Exit status 1 with the first difference.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLittlePayClient, createSimClient, merchantClientOptions, type SimSchemas } from '../client/src/index.js';

interface State {
  merchant: SimSchemas['Merchant'];
  key: string;
  reference: string;
  publicKeyPem: string;
}

const { values } = parseArgs({ options: { 'base-url': { type: 'string' }, phase: { type: 'string' }, state: { type: 'string' } }, strict: true });
const baseUrl = values['base-url'];
const stateFile = values.state;
if (!baseUrl || !stateFile || (values.phase !== 'write' && values.phase !== 'read')) {
  console.error('usage: tsx scripts/docker-volume-check.ts --base-url URL --phase write|read --state FILE');
  process.exit(2);
}
const sim = createSimClient({ baseUrl });

function fail(message: string): never {
  console.error(`volume check (${values.phase}): ${message}`);
  process.exit(1);
}

async function write(): Promise<void> {
  const merchant = (await sim.createMerchant({ environment: 'sandbox', name: 'Volume check' })).data ?? fail('could not create a merchant');
  const lp = createLittlePayClient(merchantClientOptions(baseUrl!, merchant));
  const key = `VOLUME${Date.now().toString(36).toUpperCase()}`;
  const publicUrl = (await sim.health()).data?.publicUrl ?? fail('no /_sim/health');
  const callbackUrl = `${publicUrl}/_sim/inbox/${key}`;
  const intent = (await lp.createIntent({ amount: 250, currency: 'KES', description: 'Volume check', key, callbackUrl })).data;
  const reference = intent?.data.reference ?? fail('could not create an intent');
  const paid = await lp.processPayment(reference, { type: 'MPESA', payment: { mobile: '254712345678' } }, { longPoll: true });
  if (paid.data?.data.status !== 'COMPLETED') fail(`the payment is ${paid.data?.data.status ?? paid.response.status}, not COMPLETED`);
  const publicKeyPem = (await sim.callbackPublicKey()).data ?? fail('no callback public key');
  const state: State = { merchant, key, reference, publicKeyPem };
  writeFileSync(stateFile!, JSON.stringify(state));
  console.log(`merchant ${merchant.id} and payment ${key} (${reference}) written`);
}

async function read(): Promise<void> {
  const state = JSON.parse(readFileSync(stateFile!, 'utf8')) as State;
  const merchants = (await sim.listMerchants()).data?.merchants ?? fail('no merchant list');
  const same = merchants.find((m) => m.id === state.merchant.id);
  if (!same || same.apiKey !== state.merchant.apiKey || same.clientSecret !== state.merchant.clientSecret)
    fail(`merchant ${state.merchant.id} is gone or changed`);
  const status = await createLittlePayClient(merchantClientOptions(baseUrl!, same)).getPaymentStatus(state.key);
  const found = status.data?.data ?? fail(`payment ${state.key}: ${status.response.status} ${JSON.stringify(status.error)}`);
  if (found.reference !== state.reference || found.status !== 'COMPLETED') fail(`payment ${state.key} is ${found.status} ${found.reference}`);
  const publicKeyPem = (await sim.callbackPublicKey()).data;
  if (publicKeyPem !== state.publicKeyPem) fail('the callback signing key changed');
  const inbox = (await sim.inbox(state.key)).data?.messages ?? [];
  if (!inbox.some((m) => m.signatureValid && (m.body as { status?: string }).status === 'COMPLETED'))
    fail(`inbox ${state.key} lost its signed COMPLETED callback`);
  console.log(`merchant ${same.id}, payment ${state.key} (COMPLETED), its callback and the signing key survived`);
}

await (values.phase === 'write' ? write() : read());
