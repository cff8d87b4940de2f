// The drift check against a stand-in for the real service (a second simulator that differs in planted ways):
// every planted difference is reported and nothing else, a listed known difference does not fail the run,
// the exit codes, a replay without credentials, and no secret in the recording, the report or the output.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from 'littlepay-sim';
import { runDriftCommand } from '../../drift/command.js';
import type { DriftReport } from '../../drift/run.js';
import { DRIFT_SIMULATOR } from '../../drift/simulator-settings.js';
import { tempDir } from '../helpers/temp-dirs.js';
import { PLANTED, startStandIn, type StandIn } from './stand-in.js';

const deps = { startSimulator: () => startSimulator(DRIFT_SIMULATOR) };

async function drift(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDriftCommand(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) }, deps);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const unlisted = (r: DriftReport) => r.steps.flatMap((s) => s.differences.filter((d) => !d.known).map((d) => ({ ...d, step: `${s.journey} ${s.step}` })));
const kindsAndPaths = (r: DriftReport) => [...new Set(unlisted(r).map((d) => `${d.kind} ${d.path}`))].sort();

let standIn: StandIn;
let dir: string;
let env: NodeJS.ProcessEnv;
let live: Awaited<ReturnType<typeof drift>>;
let report: DriftReport;

beforeAll(async () => {
  standIn = await startStandIn();
  dir = await tempDir('littlepay-drift-');
  const m = standIn.merchant;
  env = { LITTLEPAY_CLIENT_ID: m.clientId, LITTLEPAY_CLIENT_SECRET: m.clientSecret, LITTLEPAY_TOKEN_ID: m.tokenId, LITTLEPAY_API_KEY: m.apiKey };
  // No --callback-key: the stand-in's callbacks are checked against Little Pay's published key, and fail it.
  // The stand-in's success test number plays the integrator's own phone.
  const argv = ['--real-url', standIn.url, '--callback-port', '0', '--callback-wait-ms', '10000', '--shopper-mobile', '254712345678'];
  live = await drift([...argv, '--record', join(dir, 'rec'), '--json', join(dir, 'report.json')], env);
  report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as DriftReport;
}, 60_000);

afterAll(async () => {
  await standIn?.close();
});

describe('drift against a stand-in with planted differences', () => {
  it('reports every planted difference, and no other, and exits 1', () => {
    expect(live.stderr).toBe('');
    expect(live.code).toBe(1);
    const expected = [...PLANTED.map((p) => `${p.kind} ${p.path}`), 'signature callback.signature'].sort();
    expect(kindsAndPaths(report)).toEqual(expected);
  });

  it('says where each difference is and how the two sides differ', () => {
    const found = (kind: string, path: string, step: string) => unlisted(report).find((d) => d.kind === kind && d.path === path && d.step === step);
    expect(found('type', 'body.data.meta.amount', 'card-frictionless processPayment')).toMatchObject({ simulator: 'number', real: 'string (digits)' });
    expect(found('enum', 'body.data.status', 'card-frictionless getPaymentStatus')).toMatchObject({ simulator: 'code COMPLETED', real: 'code SETTLED' });
    expect(found('extra', 'body.data.checkoutURL', 'intent-and-errors createIntent')).toMatchObject({ simulator: 'absent', real: 'url' });
    expect(found('header', 'header.access-control-allow-origin', 'card-frictionless createPaToken')).toMatchObject({ simulator: '*', real: 'absent' });
    expect(found('signature', 'callback.signature', 'card-frictionless awaitCallback')).toMatchObject({
      simulator: 'valid',
      real: 'invalid with the published key',
    });
    // The table on the terminal shows the same.
    expect(live.stdout).toMatch(/✗ type\s+body\.data\.meta\.amount\s+simulator: number\s+real: string \(digits\)/);
    expect(live.stdout).toMatch(/differences: 0 known, \d+ not on the known list/);
    // And each difference once, with the number of steps it was seen in.
    const createIntents = report.steps.filter((s) => s.step.startsWith('createIntent') && s.real === '200').length;
    expect(live.stdout).toContain(`Not on the known list:\n    ✗ missing   body.data.checkoutUrl   simulator: url   real: absent   (${createIntents} steps)`);
  });

  it('checks the real callbacks with the key given by --callback-key, and still compares their fields', async () => {
    const withKey = join(dir, 'stand-in.pem');
    writeFileSync(withKey, standIn.publicKeyPem);
    const run = await drift(
      ['--real-url', standIn.url, '--journey', 'card-frictionless', '--callback-port', '0', '--callback-key', withKey, '--json', '-'],
      env,
    );
    const callback = (JSON.parse(run.stdout) as DriftReport).steps.find((s) => s.journey === 'card-frictionless' && s.step === 'awaitCallback')!;
    expect(callback.real).toBe('callback');
    expect(callback.differences.map((d) => `${d.kind} ${d.path}`).sort()).toEqual(['extra callback.paymentProvider', 'missing callback.provider']);
  }, 30_000);

  it('skips on the real side, with the reason, the steps that need a shopper and what follows them', () => {
    const step = (journey: string, name: string) => report.steps.find((s) => s.journey === journey && s.step === name)!;
    expect(step('card-challenge', 'processPayment').real).toBe('200');
    expect(step('card-challenge', 'answerChallenge')).toMatchObject({
      simulator: '200',
      real: expect.stringMatching(/^skipped: needs a shopper to answer the issuer challenge/),
    });
    expect(step('card-challenge', 'getPaymentStatus #2')).toMatchObject({ simulator: '200', real: 'skipped: follows answerChallenge, which needs a shopper' });
  });

  it('runs the M-Pesa steps on the real side with --shopper-mobile, and skips them without it', async () => {
    const step = (r: DriftReport, name: string) => r.steps.find((s) => s.journey === 'mpesa' && s.step === name)!;
    expect(step(report, 'processPayment')).toMatchObject({ simulator: '200', real: '200' });
    expect(step(report, 'refund')).toMatchObject({ simulator: '200', real: '200' });
    const without = JSON.parse((await drift(['--real-url', standIn.url, '--journey', 'mpesa', '--json', '-'], env)).stdout) as DriftReport;
    expect(step(without, 'processPayment')).toMatchObject({
      simulator: '200',
      real: expect.stringMatching(/^skipped: needs a shopper to enter the M-Pesa PIN on a phone.*--shopper-mobile/),
    });
    expect(step(without, 'refund')).toMatchObject({ simulator: '200', real: 'skipped: follows processPayment, which needs a shopper' });
  }, 30_000);

  it('lets no credential, card number, phone number or personal data reach the recording, the report or the output', () => {
    const written = [
      readFileSync(join(dir, 'rec', 'recording.json'), 'utf8'),
      readFileSync(join(dir, 'rec', 'report.json'), 'utf8'),
      readFileSync(join(dir, 'report.json'), 'utf8'),
      live.stdout,
    ];
    const m = standIn.merchant;
    const secrets = [m.clientId, m.clientSecret, m.tokenId, m.apiKey, Buffer.from(`${m.clientId}:${m.clientSecret}`).toString('base64')];
    const personal = [
      '4000000000002701',
      '5200000000002151',
      '400000',
      '2701',
      '254712345678',
      'jane@example.com',
      'test@cybs.com',
      'Jane',
      'Doe',
      '1 Market St',
      'San Francisco',
    ];
    for (const text of written) for (const s of [...secrets, ...personal]) expect(text, s).not.toContain(s);
    // The stand-in's refusal named the client id; the recording kept the answer, with the id masked.
    const recording = JSON.parse(written[0]!) as { steps: Array<{ step: string; real: { kind: string; body?: { data?: { message?: string } } } }> };
    expect(recording.steps.find((s) => s.step === 'createIntent #4')?.real.body?.data?.message).toMatch(/\(client masked\)$/);
    // The recording still holds both sides' answers, by shape.
    expect(recording.steps.filter((s) => s.real.kind === 'answer').length).toBeGreaterThan(15);
  });

  it("replays the recording against today's simulator without credentials, with the same differences", async () => {
    const replay = await drift(['--replay', join(dir, 'rec'), '--json', '-']);
    expect(replay.code).toBe(1);
    const replayed = JSON.parse(replay.stdout) as DriftReport;
    expect(replayed.mode).toBe('replay');
    expect(kindsAndPaths(replayed)).toEqual(kindsAndPaths(report));
    expect(replayed.totals).toEqual(report.totals);
  }, 30_000);

  it('does not count a listed known difference, and exits 0 once every difference is listed', async () => {
    const header = { kind: 'header', path: 'header.access-control-allow-origin', decision: 'docs/decisions/0010-checkout-url-and-cors.md', why: 'planted' };
    writeFileSync(join(dir, 'one.json'), JSON.stringify({ differences: [header] }));
    const one = await drift(['--replay', join(dir, 'rec'), '--known', join(dir, 'one.json'), '--json', '-']);
    const oneReport = JSON.parse(one.stdout) as DriftReport;
    expect(one.code).toBe(1);
    expect(kindsAndPaths(oneReport)).not.toContain('header header.access-control-allow-origin');
    const knownOnes = oneReport.steps.flatMap((s) => s.differences.filter((d) => d.known));
    expect(knownOnes.length).toBeGreaterThan(0);
    expect(knownOnes.every((d) => d.path === header.path && d.known?.decision === header.decision)).toBe(true);

    const every = kindsAndPaths(report).map((kp) => {
      const [kind, path] = kp.split(' ');
      return { kind, path, decision: 'docs/decisions/0001-error-model.md', why: 'planted' };
    });
    writeFileSync(join(dir, 'all.json'), JSON.stringify({ differences: every }));
    const all = await drift(['--replay', join(dir, 'rec'), '--known', join(dir, 'all.json')]);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/0 not on the known list/);
  }, 30_000);
});
