// 3-D Secure beyond the catalogue: the shopper's answers at the challenge, a challenge never skipped, the
// timeout, the JWTs (RS256, checkable with the simulator's public key) and the stand-ins for Cardinal's
// pages (device data collection, the issuer's challenge and its form answer).
import { describe, expect, it } from 'vitest';
import { cardEventOutcomes } from '../../simulator/src/domain/catalogue.js';
import { STEP_UP_RELEASE_FALLBACK_MS } from '../../simulator/src/pages/step-up-release.js';
import {
  answerChallenge,
  atChallenge,
  bodyOf,
  callbacksOf,
  card,
  cardFor,
  cspaToken,
  dataOf,
  enroll,
  formPost,
  heldProcess,
  pageBeacon,
  pathOf,
  processCard,
  verifyRs256,
} from '../helpers/cards.js';
import { createIntent, startTestSim, status, storeSnapshot, type TestSim } from '../helpers/sim.js';

/** The JSON a page hands its script (<script type="application/json" id="page-data">). */
function pageData(html: string): { message: unknown; redirect?: string | null; delivered?: unknown } {
  const match = /<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(html);
  if (!match) throw new Error('the page has no page-data');
  return JSON.parse(match[1]!);
}

/**
 * What the answer page's script does after posting its message: the beacon. Until it arrives the held
 * process has not answered (docs/decisions/0082).
 */
async function pageDelivered(sim: TestSim, html: string, held: { settled: () => boolean }): Promise<void> {
  await sim.advance(0);
  expect(held.settled()).toBe(false);
  expect((await pageBeacon(sim, html)).statusCode).toBe(204);
}

describe('the challenge', () => {
  it.each([
    ['fail', 'challenge_rejected'],
    ['cancel', 'challenge_cancelled'],
  ] as const)('answered "%s" fails the payment as %s, whether process waits or comes after', async (answer, outcome) => {
    const { message } = cardEventOutcomes[outcome];
    const sim = await startTestSim();
    const first = await atChallenge(sim, 'CH1');
    const held = await heldProcess(sim, first.reference, first.card);
    expect(bodyOf(await answerChallenge(sim, first.reference, answer))).toEqual({ reference: first.reference, action: 'FAILED', message, status: 'FAILED' });
    expect(dataOf(await held.answer)).toMatchObject({ status: 'FAILED', message });

    const second = await atChallenge(sim, 'CH2');
    expect(bodyOf(await answerChallenge(sim, second.reference, answer))).toEqual({ reference: second.reference, action: 'FAILED', message, status: 'PENDING' });
    expect(dataOf(await processCard(sim, second.reference, second.card, true))).toMatchObject({ status: 'FAILED', message });
    await sim.advance(0);
    for (const [key, reference] of [
      ['CH1', first.reference],
      ['CH2', second.reference],
    ] as const) {
      expect(dataOf(await status(sim, sim.sandbox, key)).attempts).toEqual([expect.objectContaining({ status: 'FAILED', message })]);
      expect(callbacksOf(sim, reference)).toEqual([expect.objectContaining({ status: 'FAILED' })]);
    }
  });

  it('a card that needs a challenge never completes without one', async () => {
    const sim = await startTestSim();
    const { reference, card: c, enrolled } = await atChallenge(sim);
    const pending = dataOf(await processCard(sim, reference, c));
    expect(pending).toMatchObject({ status: 'PENDING', meta: { provider: 'CARDS', providerReference: '', stepUpUrl: enrolled.stepUpUrl } });
    expect(pending.meta.accessToken).toEqual(expect.any(String));
    // Starting 3-D Secure over with the same card, or enrolling again, does not skip the challenge.
    dataOf(await cspaToken(sim, reference, c));
    expect(dataOf(await enroll(sim, reference, c)).action).toBe('AUTHENTICATE');
    expect(dataOf(await enroll(sim, reference)).action).toBe('AUTHENTICATE');
    expect(dataOf(await processCard(sim, reference, c), 409).code).toBe('PAYMENT_IN_PROGRESS');
    expect(dataOf(await processCard(sim, reference), 409).code).toBe('PAYMENT_IN_PROGRESS');
    await sim.advance(sim.config.threeDsTimeoutMs - 60_000);
    expect(dataOf(await status(sim, sim.sandbox, 'CH1')).status).toBe('PENDING');
    expect(callbacksOf(sim, reference)).toEqual([]);
    expect(bodyOf(await answerChallenge(sim, reference, 'authenticate'))).toMatchObject({ action: 'MAKE_PAYMENT', status: 'COMPLETED' });
  });

  it('while a process waits on it, no other card can take over the attempt', async () => {
    const sim = await startTestSim();
    const { reference, card: c } = await atChallenge(sim);
    const held = await heldProcess(sim, reference, c);
    const other = card(sim, cardFor('success'));
    const before = storeSnapshot(sim);
    for (const res of [await cspaToken(sim, reference, other), await enroll(sim, reference, other), await processCard(sim, reference, other)]) {
      expect(dataOf(res, 409).code).toBe('PAYMENT_IN_PROGRESS');
    }
    expect(storeSnapshot(sim)).toEqual(before);
    await sim.advance(0);
    expect(held.settled()).toBe(false);
    expect(bodyOf(await answerChallenge(sim, reference, 'authenticate'))).toMatchObject({ action: 'MAKE_PAYMENT', status: 'COMPLETED' });
    expect(dataOf(await held.answer)).toMatchObject({ status: 'COMPLETED' });
    expect(dataOf(await status(sim, sim.sandbox, 'CH1')).payment.details.last4).toBe(c.cc_number.slice(-4));
  });

  it('before any process, another card starts over: the old challenge can no longer be answered', async () => {
    const sim = await startTestSim();
    const { reference, enrolled } = await atChallenge(sim);
    const other = card(sim, cardFor('success'));
    dataOf(await cspaToken(sim, reference, other));
    const fields = { JWT: enrolled.accessToken, MD: reference };
    expect((await formPost(sim, pathOf(enrolled.stepUpUrl), fields)).statusCode).toBe(409);
    expect((await formPost(sim, `${pathOf(enrolled.stepUpUrl)}/answer`, { ...fields, answer: 'authenticate' })).statusCode).toBe(409);
    expect(dataOf(await enroll(sim, reference, other)).action).toBe('MAKE_PAYMENT');
    expect(dataOf(await processCard(sim, reference, other, true))).toMatchObject({ status: 'COMPLETED' });
    expect(dataOf(await status(sim, sim.sandbox, 'CH1')).payment.details.last4).toBe(other.cc_number.slice(-4));
  });

  it.each(['abandons the challenge', 'never calls enroll'])(
    'times out after threeDsTimeoutMs when the shopper %s; the held process answers authentication_timeout',
    async (how) => {
      const { message } = cardEventOutcomes.authentication_timeout;
      const sim = await startTestSim();
      const intent = await createIntent(sim, sim.sandbox, { key: 'TO1', amount: 1500 });
      const c = card(sim, cardFor('challenge_success'));
      dataOf(await cspaToken(sim, intent.reference, c));
      const held = await heldProcess(sim, intent.reference, c);
      if (how === 'abandons the challenge') expect(dataOf(await enroll(sim, intent.reference, c)).action).toBe('AUTHENTICATE');
      await sim.advance(sim.config.threeDsTimeoutMs - 1);
      expect(held.settled()).toBe(false);
      await sim.advance(1);
      expect(dataOf(await held.answer)).toMatchObject({ status: 'FAILED', message, meta: { stepUpUrl: null, accessToken: null } });
      expect(dataOf(await status(sim, sim.sandbox, 'TO1')).attempts).toEqual([expect.objectContaining({ status: 'FAILED', message })]);
      expect(callbacksOf(sim, intent.reference)).toEqual([expect.objectContaining({ status: 'FAILED', provider: 'CARDS' })]);
      expect(dataOf(await answerChallenge(sim, intent.reference, 'authenticate'), 409).code).toBe('CHALLENGE_NOT_PENDING');
    },
  );

  it('cannot be answered twice', async () => {
    const sim = await startTestSim();
    const { reference } = await atChallenge(sim);
    expect(bodyOf(await answerChallenge(sim, reference, 'authenticate'))).toEqual({
      reference,
      action: 'MAKE_PAYMENT',
      message: 'Authentication successful',
      status: 'PENDING',
    });
    const before = storeSnapshot(sim);
    for (const answer of ['authenticate', 'fail'] as const) {
      const err = dataOf(await answerChallenge(sim, reference, answer), 409);
      expect(err.code).toBe('CHALLENGE_NOT_PENDING');
      expect(err.message).toContain(reference);
    }
    expect(storeSnapshot(sim)).toEqual(before);
  });
});

describe('the JWTs', () => {
  it('paToken.accessToken, enroll accessToken and meta.accessToken verify RS256 with GET /_sim/keys/callback.pem', async () => {
    const sim = await startTestSim();
    const pem = await sim.inject({ method: 'GET', url: '/_sim/keys/callback.pem' });
    expect(pem.statusCode).toBe(200);
    const { reference, card: c, paToken, enrolled } = await atChallenge(sim);
    const collect = verifyRs256(paToken.accessToken, pem.body);
    expect(collect).toMatchObject({ iss: 'littlepay-sim', ReferenceId: paToken.referenceId, reference, OrgUnitId: expect.any(String) });
    expect((collect!.exp as number) - (collect!.iat as number)).toBe(sim.config.threeDsTimeoutMs / 1000);
    const stepUp = verifyRs256(enrolled.accessToken, pem.body);
    expect(stepUp).toMatchObject({
      iss: 'littlepay-sim',
      ReferenceId: paToken.referenceId,
      reference,
      Payload: { ACSUrl: enrolled.stepUpUrl, TransactionId: expect.any(String) },
    });
    expect(stepUp!.jti).toBe((stepUp!.Payload as { TransactionId: string }).TransactionId);
    const pending = dataOf(await processCard(sim, reference, c));
    expect(verifyRs256(pending.meta.accessToken, pem.body)).toMatchObject({ jti: stepUp!.jti, reference });
    // Any change to the payload breaks the signature.
    const [head, , sig] = enrolled.accessToken.split('.');
    const forged = Buffer.from(JSON.stringify({ ...stepUp, reference: 'someone-else' })).toString('base64url');
    expect(verifyRs256(`${head}.${forged}.${sig}`, pem.body)).toBeNull();
  });
});

describe('the device-data-collection page', () => {
  it('with a valid JWT answers HTML that posts profile.completed and marks the device data collected', async () => {
    const sim = await startTestSim();
    const { reference, paToken } = await atChallenge(sim);
    const res = await formPost(sim, pathOf(paToken.deviceDataCollectionUrl), { JWT: paToken.accessToken });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(JSON.parse(pageData(res.body).message as string)).toEqual({ MessageType: 'profile.completed', SessionId: paToken.referenceId, Status: true });
    expect(sim.app.sim.ctx.store.get('intents', reference)?.card3ds?.deviceDataCollected).toBe(true);
  });

  it.each([
    ['a tampered JWT', (jwt: string) => ({ JWT: `${jwt.slice(0, -4)}AAAA` })],
    ['no JWT', () => ({})],
    ['a JWT that is not one', () => ({ JWT: 'not.a.jwt' })],
  ])('with %s answers 400 and changes nothing', async (_name, fields) => {
    const sim = await startTestSim();
    const { paToken } = await atChallenge(sim);
    const before = storeSnapshot(sim);
    const res = await formPost(sim, pathOf(paToken.deviceDataCollectionUrl), fields(paToken.accessToken));
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(pageData(res.body).message as string)).toMatchObject({ MessageType: 'profile.completed', Status: false });
    expect(storeSnapshot(sim)).toEqual(before);
  });
});

describe('the challenge page', () => {
  async function challengePage(sim: TestSim) {
    const at = await atChallenge(sim);
    const url = pathOf(at.enrolled.stepUpUrl);
    return { ...at, url, fields: { JWT: at.enrolled.accessToken, MD: at.reference } };
  }

  it('shows the amount and the merchant to the shopper', async () => {
    const sim = await startTestSim();
    const { url, fields } = await challengePage(sim);
    const res = await formPost(sim, url, fields);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('KES 1,500.00');
    expect(res.body).toContain(sim.sandbox.name.replace(/'/g, '&#39;'));
    expect(res.body).toContain(`action="${url}/answer"`);
  });

  it.each([
    ['a wrong MD', (f: { JWT: string; MD: string }) => ({ ...f, MD: '00000000-0000-4000-8000-000000000000' })],
    ['no MD', (f: { JWT: string; MD: string }) => ({ JWT: f.JWT })],
    ['a tampered JWT', (f: { JWT: string; MD: string }) => ({ ...f, JWT: `${f.JWT.slice(0, -4)}AAAA` })],
  ])('with %s answers a 400 page', async (_name, change) => {
    const sim = await startTestSim();
    const { url, fields } = await challengePage(sim);
    const before = storeSnapshot(sim);
    const res = await formPost(sim, url, change(fields));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Challenge not available');
    expect(res.body).not.toContain('KES 1,500.00');
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it('answered through its form finalises the waiting attempt, once', async () => {
    const sim = await startTestSim();
    const { reference, card: c, url, fields } = await challengePage(sim);
    const held = await heldProcess(sim, reference, c);
    const res = await formPost(sim, `${url}/answer`, { ...fields, answer: 'authenticate' });
    expect(res.statusCode).toBe(200);
    expect(pageData(res.body).message).toEqual({ action: 'MAKE_PAYMENT' });
    await pageDelivered(sim, res.body, held);
    expect(dataOf(await held.answer)).toMatchObject({ status: 'COMPLETED', message: 'Successful transaction' });
    expect(dataOf(await status(sim, sim.sandbox, 'CH1')).status).toBe('COMPLETED');

    await sim.advance(0); // the callback delivered, so the store is at rest
    const before = storeSnapshot(sim);
    expect((await formPost(sim, `${url}/answer`, { ...fields, answer: 'fail' })).statusCode).toBe(409);
    expect((await formPost(sim, url, fields)).statusCode).toBe(409);
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it('answered "fail" through its form posts FAILED with the reason', async () => {
    const sim = await startTestSim();
    const { reference, card: c, url, fields } = await challengePage(sim);
    const held = await heldProcess(sim, reference, c);
    const res = await formPost(sim, `${url}/answer`, { ...fields, answer: 'fail' });
    expect(res.statusCode).toBe(200);
    const { message } = cardEventOutcomes.challenge_rejected;
    expect(pageData(res.body).message).toEqual({ action: 'FAILED', message });
    await pageDelivered(sim, res.body, held);
    expect(dataOf(await held.answer)).toMatchObject({ status: 'FAILED', message });
  });

  it('holds the waiting process after the answer until the page has posted its message, or for a bounded while on the clock', async () => {
    const sim = await startTestSim();
    const { reference, card: c, url, fields } = await challengePage(sim);
    const held = await heldProcess(sim, reference, c);
    const res = await formPost(sim, `${url}/answer`, { ...fields, answer: 'authenticate' });
    // The payment is final (status, callback) while the long poll still waits for the page.
    expect(dataOf(await status(sim, sim.sandbox, 'CH1')).status).toBe('COMPLETED');
    await sim.advance(STEP_UP_RELEASE_FALLBACK_MS - 1);
    expect(held.settled()).toBe(false);
    // No beacon came (a browser without scripts): the fallback answers it.
    await sim.advance(1);
    expect(dataOf(await held.answer)).toMatchObject({ status: 'COMPLETED' });
    // A late beacon, or one naming no held challenge, changes nothing.
    const { url: beacon, form } = pageData(res.body).delivered as { url: string; form: Record<string, string> };
    expect((await formPost(sim, beacon, form)).statusCode).toBe(204);
    expect((await formPost(sim, beacon, { reference, challenge: 'nope' })).statusCode).toBe(204);
  });

  it('refuses an answer that is none of authenticate, fail and cancel', async () => {
    const sim = await startTestSim();
    const { url, fields } = await challengePage(sim);
    const before = storeSnapshot(sim);
    expect((await formPost(sim, `${url}/answer`, { ...fields, answer: 'maybe' })).statusCode).toBe(400);
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it('refuses its JWT once the challenge has timed out', async () => {
    const sim = await startTestSim();
    const { url, fields } = await challengePage(sim);
    await sim.advance(sim.config.threeDsTimeoutMs);
    const res = await formPost(sim, url, fields);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('expired');
  });
});
