// The payment's timeline as QA reads it (issue 22, item 2): the 3-D Secure steps with the card data masked, a
// card attempt and how its outcome was chosen, a refused process call, and a refund with its callback, every
// delivery attempt, the signature headers and the exact bytes that were signed; "Copy as curl" on each request.
import { describe, expect, it } from 'vitest';
import { atChallenge, processCard } from '../helpers/cards.js';
import { createIntent, processMobile, startTestSim, type TestSim } from '../helpers/sim.js';

const json = { 'content-type': 'application/json' };
const timeline = async (sim: TestSim, reference: string) => {
  const body = (await sim.inject({ url: `/_sim/console/payments/${reference}` })).body;
  // The text of each event (each a top-level <li class=...>; a delivery is a plain <li>), tags dropped, entities read back.
  const list = /<div id="timeline" data-live>([\s\S]*?)<\/div><\/section>/.exec(body)![1]!;
  return list
    .split('<li class="')
    .slice(1)
    .map((html) =>
      html
        .replace(/^[^>]*>/, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#(\d+);/g, (_e, code: string) => String.fromCharCode(Number(code)))
        .replace(/\s+/g, ' ')
        .trim(),
    );
};

describe('the timeline', () => {
  it('shows the 3-D Secure steps with the card masked, then the card attempt, each with a curl', async () => {
    const sim = await startTestSim();
    const { reference, card } = await atChallenge(sim, 'TL3DS');
    const waiting = await timeline(sim, reference);
    expect(waiting.join('\n')).not.toContain(card.cc_number);
    const cspa = waiting.find((e) => e.includes('3-D Secure: card sent for device data collection (cspaToken) → 200'));
    expect(cspa).toContain('Request body (card data masked)');
    expect(cspa).toMatch(/"cc_number": "\d{6}\*+\d{4}"/);
    expect(cspa).toContain("# The card number and CVV are masked here: put the test card's back before running.");
    expect(cspa).toContain(`curl -sS -X POST 'http://localhost:3000/pay/${reference}/cspaToken'`);
    expect(waiting.find((e) => e.includes('3-D Secure: enrollment checked → AUTHENTICATE'))).toContain('the shopper gets a challenge');
    expect(waiting.some((e) => e.includes("3-D Secure: waiting for the shopper's challenge answer"))).toBe(true);

    await sim.inject({ method: 'POST', url: `/_sim/intents/${reference}/resolve`, headers: json, payload: { outcome: 'challenge_passed' } });
    expect((await processCard(sim, reference)).statusCode).toBe(200);
    await sim.advance(3000);
    const done = await timeline(sim, reference);
    const attempt = done.find((e) => e.includes('Payment attempt: CARDS'))!;
    expect(attempt).toMatch(/with visa •••• \d{4} .*Amount 1,500\.00 KES · Outcome challenge_success, chosen by the test number or test card/);
    expect(attempt).toContain(`--data '{"type":"CARDS"}'`);
    expect(done.findIndex((e) => e.includes('Attempt COMPLETED'))).toBeGreaterThan(done.indexOf(attempt));
    expect(done.join('\n')).not.toContain(card.cc_number);
  });

  it('shows a process call that was refused, which made no attempt', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'TLBAD' });
    expect((await processMobile(sim, intent.reference, 'MPESA', '12')).statusCode).toBe(400);
    const refused = (await timeline(sim, intent.reference)).find((e) => e.includes('Process refused → 400'));
    expect(refused).toContain(`POST /pay/${intent.reference}/process`);
    expect(refused).toContain('"mobile": "12"');
  });

  it('shows a refund and its callback with every delivery: status, latency, start of the answer, signature, the exact signed body', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'TLRF', amount: 900 });
    await processMobile(sim, intent.reference, 'MPESA', '254712345678');
    await sim.advance(3000);
    const refundUrl = 'http://receiver.test/refunds';
    const refund = await sim.inject({
      method: 'POST',
      url: `/api/refund/TLRF`,
      headers: { 'x-api-key': sim.sandbox.apiKey, ...json },
      payload: { amount: 300, reason: 'Damaged', callbackUrl: refundUrl },
    });
    expect(refund.statusCode).toBe(200);
    await sim.advance(60_000);
    const events = await timeline(sim, intent.reference);
    expect(events.find((e) => e.includes('Refund requested → 200'))).toContain(`-H "X-API-KEY: $LITTLEPAY_API_KEY"`);
    expect(events.find((e) => /^\S+ \S+ Refund rf_\w+ of 300\.00 KES/.test(e))).toContain('Reason: Damaged');
    const sent = sim.sent.find((s) => s.url === refundUrl)!;
    const callback = events.find((e) => e.includes('Refund callback delivered'))!;
    expect(callback).toContain(`To ${refundUrl} · 1 delivery attempt`);
    expect(callback).toMatch(/ok \d\d:\d\d:\d\d HTTP 200 in \d+ ms Answer starts: \{"ok":true\}/);
    expect(callback).toContain(
      `Signature headers X-LittlePay-Timestamp: ${sent.headers['x-littlepay-timestamp']} X-LittlePay-Signature: ${sent.headers['x-littlepay-signature']}`,
    );
    expect(callback).toContain(`Signed body (exact) ${JSON.stringify(sent.body)}`);
    expect(callback).toContain(`-H 'x-littlepay-signature: ${sent.headers['x-littlepay-signature']}'`);
    expect(callback).toContain('Replay callback');
  });
});
