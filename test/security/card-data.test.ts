// "Never write a full card number or CVV to disk or a log": a simulator on a real data folder, logging
// everything at trace level, takes every catalogue card (and two others) through cspaToken, the collection
// page, enroll, the challenge page and process in both orderings, on a sandbox and a production merchant,
// plus requests with bad card fields and broken JSON. Then every file in the data folder and every log
// line is searched for the numbers, the CVVs and the keys that carry them.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { TEST_CARD_NUMBERS } from '../../simulator/src/domain/catalogue.js';
import {
  card,
  catalogueCards,
  cspaToken,
  CVV3,
  CVV4,
  dataOf,
  enroll,
  formPost,
  heldProcess,
  OTHER_AMEX,
  OTHER_VISA,
  beaconOf,
  pageBeacon,
  pathOf,
  processCard,
  type Card,
} from '../helpers/cards.js';
import { createIntent, startTestSim, type Merchant, type TestSim } from '../helpers/sim.js';
import { filesUnder, tempDir } from '../helpers/temp-dirs.js';

const LUHN_BAD = '4000000000002702';
const NUMBERS = [...TEST_CARD_NUMBERS, OTHER_VISA, OTHER_AMEX, LUHN_BAD];

/** The browser's part of 3-D Secure: the collection page, then the challenge page and its "Authenticate". */
async function collect(sim: TestSim, paToken: { accessToken: string; deviceDataCollectionUrl: string }) {
  expect((await formPost(sim, pathOf(paToken.deviceDataCollectionUrl), { JWT: paToken.accessToken })).statusCode).toBe(200);
}
async function challenge(sim: TestSim, reference: string, enrolled: { action: string; accessToken?: string; stepUpUrl?: string }) {
  if (enrolled.action !== 'AUTHENTICATE') return;
  const fields = { JWT: enrolled.accessToken!, MD: reference };
  expect((await formPost(sim, pathOf(enrolled.stepUpUrl!), fields)).statusCode).toBe(200);
  const answered = await formPost(sim, `${pathOf(enrolled.stepUpUrl!)}/answer`, { ...fields, answer: 'authenticate' });
  expect(answered.statusCode).toBe(200);
  // As the page's script does: a beacon only where a held process waits for it (the default ordering).
  if (beaconOf(answered.body)) expect((await pageBeacon(sim, answered.body)).statusCode).toBe(204);
}

/** One card payment, in the official client's default ordering or its waitForStepUp one. */
async function payByCard(sim: TestSim, m: Merchant, key: string, c: Card, waitForStepUp: boolean) {
  const { reference } = await createIntent(sim, m, { key, amount: 1500 });
  await collect(sim, dataOf(await cspaToken(sim, reference, c)).paToken);
  if (waitForStepUp) {
    await challenge(sim, reference, dataOf(await enroll(sim, reference, c)));
    return dataOf(await processCard(sim, reference, c, true)).status as string;
  }
  const held = await heldProcess(sim, reference, c);
  await challenge(sim, reference, dataOf(await enroll(sim, reference, c)));
  return dataOf(await held.answer).status as string;
}

async function badRequests(sim: TestSim) {
  const { reference } = await createIntent(sim, sim.sandbox, { key: 'BAD1' });
  const good = card(sim, OTHER_VISA);
  const bad = [
    { ...good, cc_number: LUHN_BAD },
    { ...good, cc_exp: '01/20' },
    { ...good, cc_cvv: CVV4 },
    card(sim, OTHER_AMEX, { cc_cvv: CVV3 }),
    { ...good, cc_name: ' ' },
    { ...good, cc_exp: '13/28' },
  ];
  for (const payment of bad) {
    for (const res of [await cspaToken(sim, reference, payment), await enroll(sim, reference, payment), await processCard(sim, reference, payment)]) {
      expect(res.statusCode).toBe(400);
    }
  }
  const { cc_exp: _exp, cc_name: _name, ...partial } = good;
  expect((await processCard(sim, reference, partial)).statusCode).toBe(400);
  expect((await processCard(sim, reference, { ...good, customer: { id: '1FCA46377B709D13E0631E588D0AC763' } })).statusCode).toBe(400);
  const broken = `{"type":"CARDS","payment":{"cc_number":"${good.cc_number}","cc_cvv":"${good.cc_cvv}"`;
  const res = await sim.inject({ method: 'POST', url: `/pay/${reference}/cspaToken`, headers: { 'content-type': 'application/json' }, payload: broken });
  expect(res.statusCode).toBe(400);
  // The challenge page is a form POST: card fields slipped into it are not kept either.
  expect((await formPost(sim, '/cardinal/collect', { JWT: 'x', cc_number: good.cc_number, cc_cvv: good.cc_cvv })).statusCode).toBe(400);
}

describe('card data on disk and in the logs', () => {
  it('no full card number, no CVV and no cc_number or cc_cvv key, after every card at every step', async () => {
    const dataDir = await tempDir('littlepay-sim-cards-');
    const lines: string[] = [];
    const sim = await startTestSim({ memory: false, dataDir, logLevel: 'trace' }, { logStream: { write: (line) => void lines.push(line) } });
    expect(sim.app.sim.ctx.store.kind).toBe('lowdb');

    let n = 0;
    for (const e of catalogueCards) {
      for (const waitForStepUp of [true, false]) {
        expect(await payByCard(sim, sim.sandbox, `S${n++}`, card(sim, e.number), waitForStepUp)).toBe(e.status);
      }
      expect(await payByCard(sim, sim.production, `P${n++}`, card(sim, e.number), n % 2 === 0)).toBe('FAILED');
    }
    for (const number of [OTHER_VISA, OTHER_AMEX]) expect(await payByCard(sim, sim.sandbox, `O${n++}`, card(sim, number), false)).toBe('COMPLETED');
    await badRequests(sim);
    await sim.advance(0); // callbacks delivered and their outcome stored
    await sim.close();

    const files = await filesUnder(dataDir);
    const disk = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
    const log = lines.join('');
    // The search would find card data if it were there: the masked cards are stored, requests are logged.
    expect(files.length).toBeGreaterThan(0);
    expect(disk).toMatch(/"first6":\s*"400000"/);
    expect(disk).toMatch(/"last4":\s*"0005"/);
    expect(log).toContain('/cspaToken');
    expect(log).toContain('/cardinal/step-up/answer');

    for (const [where, text] of [
      ['the data folder', disk],
      ['the logs', log],
    ] as const) {
      for (const number of NUMBERS) expect(text.includes(number), `${number} in ${where}`).toBe(false);
      for (const key of ['cc_number', 'cc_cvv']) expect(text.includes(key), `${key} in ${where}`).toBe(false);
      for (const cvv of [CVV3, CVV4]) expect(text, `CVV ${cvv} in ${where}`).not.toMatch(new RegExp(`"${cvv}"`));
    }
  });
});
