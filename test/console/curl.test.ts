// "Copy as curl" on the timeline: the command, pasted into a shell with the merchant's credentials in the
// environment, makes the same request, and never carries a credential itself.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { callbackCurl, requestCurl, shellQuote } from '../../simulator/src/console/curl.js';
import { listeningTestSim } from '../helpers/browser.js';
import { createIntent, intentBody } from '../helpers/sim.js';

const setup = listeningTestSim();

// Asynchronous on purpose: the simulator answering curl lives in this process, so a synchronous child would
// block the event loop that has to answer it, and wait for ever.
async function run(command: string, env: Record<string, string>): Promise<string> {
  const { stdout } = await promisify(execFile)('bash', ['-c', command], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 10_000 });
  return stdout;
}

describe('Copy as curl', () => {
  it('reads the status with the API key from the environment, as the timeline offers it', async () => {
    const sim = setup();
    await createIntent(sim, sim.sandbox, { key: 'CURL1' });
    const command = requestCurl(sim.app.sim.ctx.publicUrl(), 'GET', '/api/payments-v2/CURL1', 'apiKey');
    expect(command).not.toContain(sim.sandbox.apiKey);
    const answer = JSON.parse(await run(command, { LITTLEPAY_API_KEY: sim.sandbox.apiKey })) as { data: { status: string } };
    expect(answer.data.status).toBe('PENDING');
  });

  it('creates an intent with Basic credentials from the environment and a body that survives any quote', async () => {
    const sim = setup();
    const body = intentBody({ key: 'CURL2', description: "Shopper's order" });
    const command = requestCurl(sim.app.sim.ctx.publicUrl(), 'POST', `/api/payments/${sim.sandbox.tokenId}/pay`, 'basic', body);
    expect(command).not.toContain(sim.sandbox.clientSecret);
    const answer = JSON.parse(await run(command, { LITTLEPAY_CLIENT_ID: sim.sandbox.clientId, LITTLEPAY_CLIENT_SECRET: sim.sandbox.clientSecret })) as {
      data: { reference: string };
    };
    expect(answer.data.reference).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('quotes for a POSIX shell, and a callback command sends the signed body byte for byte', async () => {
    expect(await run(`printf %s ${shellQuote(`it's $HOME "x"`)}`, {})).toBe(`it's $HOME "x"`);
    const command = callbackCurl('http://127.0.0.1:9/cb', '{"a":"b\'c"}', { timestamp: '1', value: 'sig' });
    expect(command).toContain(`--data '{"a":"b'\\''c"}'`);
    expect(command).toContain(`-H 'x-littlepay-timestamp: 1'`);
  });
});
