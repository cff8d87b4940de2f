// The error answers every operation declares for its transport rules, driven from the contracts
// themselves: a body over 1 MiB is a 413, a body that is not JSON a 415, a path parameter outside its
// schema a 400, an unknown intent a 404. Each reply is checked against the contract by the test sim.
import { describe, expect, it } from 'vitest';
import { CONTRACT_FILES } from '../../simulator/src/app.js';
import { ContractSet, type Operation } from '../../simulator/src/http/contract.js';
import { basicAuth, createIntent, paidIntent, startTestSim, storeSnapshot, type TestSim } from '../helpers/sim.js';

const contracts = new ContractSet();
const operations = CONTRACT_FILES.flatMap((f) => contracts.operations(f));
const declares = (status: string) => operations.filter((op) => op.responses[status]);

function url(op: Operation, values: Record<string, string>): string {
  return op.path.replace(/\{(\w+)\}/g, (_m, p: string) => encodeURIComponent(values[p] ?? 'x'));
}

function headers(sim: TestSim, op: Operation, contentType: string): Record<string, string> {
  const h: Record<string, string> = { 'content-type': contentType };
  if (op.security.includes('basicAuth')) h.authorization = basicAuth(sim.sandbox);
  if (op.security.includes('apiKeyAuth')) h['x-api-key'] = sim.sandbox.apiKey;
  return h;
}

async function values(sim: TestSim): Promise<Record<string, string>> {
  const reference = await paidIntent(sim, sim.sandbox, { key: 'COVER1' });
  return { reference, key: 'COVER1', tokenId: sim.sandbox.tokenId, name: 'cover', merchantId: sim.sandbox.id, id: 'cb_cover' };
}

describe('declared transport errors, for every operation that declares them', () => {
  it.each(declares('413').map((op) => [op.operationId, op] as const))('%s answers 413 to a body over 1 MiB', async (_id, op) => {
    const sim = await startTestSim();
    const res = await sim.inject({
      method: op.method,
      url: url(op, await values(sim)),
      headers: headers(sim, op, 'application/json'),
      payload: JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().data.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each(declares('415').map((op) => [op.operationId, op] as const))('%s answers 415 to a text/plain body', async (_id, op) => {
    const sim = await startTestSim();
    const res = await sim.inject({ method: op.method, url: url(op, await values(sim)), headers: headers(sim, op, 'text/plain'), payload: 'amount=1' });
    expect(res.statusCode).toBe(415);
    expect(res.json().data.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  // The Token ID in createIntent's path is a credential: an unknown one is a 404 before any schema check.
  const withPathParam = declares('400').filter((op) => op.path.includes('{') && !op.path.includes('{tokenId}'));
  it.each(withPathParam.map((op) => [op.operationId, op] as const))('%s answers 400 naming the path parameter when it breaks its schema', async (_id, op) => {
    const sim = await startTestSim();
    const bad = Object.fromEntries(Object.keys(await values(sim)).map((k) => [k, 'x'.repeat(65) + '!']));
    const body = op.method === 'POST' ? JSON.stringify({}) : undefined;
    // A content type without a body is itself a 400 (empty JSON): send one only with a body.
    const { 'content-type': _type, ...noBody } = headers(sim, op, 'application/json');
    const res = await sim.inject({
      method: op.method,
      url: url(op, { ...(await values(sim)), ...bad }),
      headers: body ? headers(sim, op, 'application/json') : noBody,
      ...(body ? { payload: body } : {}),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().data.errors?.[0]?.field).toMatch(/^params\./);
  });

  const byReference = declares('404').filter((op) => op.path.includes('{reference}'));
  it.each(byReference.map((op) => [op.operationId, op] as const))('%s answers 404 for an intent that does not exist', async (_id, op) => {
    const sim = await startTestSim();
    const body: Record<string, unknown> = {
      processPayment: { type: 'MPESA', payment: { mobile: '254712345678' } },
      createPaToken: { type: 'CARDS', payment: { cc_number: '4000000000002701', cc_cvv: '123', cc_exp: '01/39', cc_name: 'Jane Doe' } },
      checkEnrollment: {
        deviceInformation: {
          httpBrowserColorDepth: 24,
          httpBrowserJavaEnabled: false,
          httpBrowserJavaScriptEnabled: true,
          httpBrowserLanguage: 'en-US',
          httpBrowserScreenHeight: 1080,
          httpBrowserScreenWidth: 1920,
          httpBrowserTimeDifference: 0,
        },
      },
      answerChallenge: { answer: 'authenticate' },
      resolveAttempt: { outcome: 'success' },
      refundIntent: { amount: 1 },
    };
    const payload = body[op.operationId];
    // An operation without a body (expireIntent) is called without a content type, as a client calls it.
    const { 'content-type': _type, ...bodyless } = headers(sim, op, 'application/json');
    const res = await sim.inject({
      method: op.method,
      url: url(op, { reference: '00000000-0000-4000-8000-000000000000' }),
      headers: payload ? headers(sim, op, 'application/json') : bodyless,
      ...(payload ? { payload } : {}),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().data.code).toBe('INTENT_NOT_FOUND');
  });
});

describe('declared answers for a merchant that does not exist', () => {
  // A valid body for each per-merchant operation that takes one, so the 404 is about the merchant alone.
  const bodies: Record<string, unknown> = {
    updateCallbackSettings: { duplicates: true },
    checkCallbackReceiver: { url: 'http://127.0.0.1:9/littlepay/callback' },
    controlClock: { action: 'freeze' },
    queueOutcomes: { outcomes: ['success'] },
    addFault: { type: 'latency', ms: 0 },
    updateAvsSetting: { rule: 'off' },
  };
  const byMerchant = declares('404').filter((op) => op.path.includes('{merchantId}'));
  it.each(byMerchant.map((op) => [op.operationId, op] as const))('%s answers 404 for an unknown merchant and changes nothing', async (_id, op) => {
    const sim = await startTestSim();
    const payload = bodies[op.operationId];
    const before = storeSnapshot(sim);
    const res = await sim.inject({ method: op.method, url: url(op, { merchantId: 'mer_000000000000' }), ...(payload ? { payload } : {}) });
    expect(res.statusCode).toBe(404);
    expect(res.json().data.code).toBe('MERCHANT_NOT_FOUND');
    expect(storeSnapshot(sim)).toEqual(before);
    expect(res.json().data.message).toContain('mer_000000000000');
  });

  it('covers the control operations that change a merchant', () => {
    expect(byMerchant.map((op) => op.operationId)).toEqual(
      expect.arrayContaining(['controlClock', 'clearOutcomes', 'addFault', 'clearFaults', ...Object.keys(bodies)]),
    );
  });
});

describe('the inspector', () => {
  it("answers a merchant's callback panel as an HTML fragment", async () => {
    const sim = await startTestSim();
    await paidIntent(sim, sim.sandbox, { key: 'PANEL1' });
    const res = await sim.inject({ method: 'GET', url: `/_sim/ui/merchants/${sim.sandbox.id}/callbacks` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('PANEL1');
  });
});

describe('the remaining declared answers', () => {
  const device = {
    httpBrowserColorDepth: 24,
    httpBrowserJavaEnabled: false,
    httpBrowserJavaScriptEnabled: true,
    httpBrowserLanguage: 'en-US',
    httpBrowserScreenHeight: 1080,
    httpBrowserScreenWidth: 1920,
    httpBrowserTimeDifference: 0,
  };

  it('cspaToken and enroll on a paid intent are a 409 INTENT_COMPLETED; a bad device field a 400 naming it', async () => {
    const sim = await startTestSim();
    const reference = await paidIntent(sim, sim.sandbox);
    const card = { cc_number: '4000000000002701', cc_cvv: '123', cc_exp: '01/39', cc_name: 'Jane Doe' };
    const token = await sim.inject({
      method: 'POST',
      url: `/pay/${reference}/cspaToken`,
      headers: { 'content-type': 'application/json' },
      payload: { type: 'CARDS', payment: card },
    });
    expect([token.statusCode, token.json().data.code]).toEqual([409, 'INTENT_COMPLETED']);
    const enroll = await sim.inject({
      method: 'POST',
      url: `/pay/${reference}/enroll`,
      headers: { 'content-type': 'application/json' },
      payload: { deviceInformation: device, type: 'CARDS', payment: card },
    });
    expect([enroll.statusCode, enroll.json().data.code]).toEqual([409, 'INTENT_COMPLETED']);
    const open = await createIntent(sim, sim.sandbox, { key: 'OPEN1' });
    const enrolled = await sim.inject({
      method: 'POST',
      url: `/pay/${open.reference}/enroll`,
      headers: { 'content-type': 'application/json' },
      payload: { deviceInformation: device, type: 'CARDS', payment: card },
    });
    expect(enrolled.json().data.action).toBe('MAKE_PAYMENT');
    await sim.inject({
      method: 'POST',
      url: `/pay/${open.reference}/process?longPoll=true`,
      headers: { 'content-type': 'application/json' },
      payload: { type: 'CARDS' },
    });
    const bad = await sim.inject({
      method: 'POST',
      url: `/pay/${open.reference}/enroll`,
      headers: { 'content-type': 'application/json' },
      payload: { deviceInformation: {} },
    });
    expect([bad.statusCode, bad.json().data.errors[0].field]).toMatchObject([400, expect.stringMatching(/^body\.deviceInformation/)]);
  });

  it('an answer that is not one of the three is a 400; a query over its length a 400', async () => {
    const sim = await startTestSim();
    const { reference } = await createIntent(sim, sim.sandbox);
    const answer = await sim.inject({
      method: 'POST',
      url: `/_sim/intents/${reference}/challenge`,
      headers: { 'content-type': 'application/json' },
      payload: { answer: 'maybe' },
    });
    expect([answer.statusCode, answer.json().data.errors[0].field]).toEqual([400, 'body.answer']);
    const callbacks = await sim.inject({ method: 'GET', url: `/_sim/callbacks?reference=${'x'.repeat(65)}` });
    expect([callbacks.statusCode, callbacks.json().data.errors[0].field]).toEqual([400, 'querystring.reference']);
  });

  it('health answers 503 with the failing check while the store is down', async () => {
    const sim = await startTestSim();
    Object.defineProperty(sim.app.sim.ctx.store, 'healthy', { get: () => false });
    const res = await sim.inject({ method: 'GET', url: '/_sim/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json().checks.store).toBe('down');
  });
});
