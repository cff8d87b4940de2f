// The drift command, shared by `littlepay-sim drift ...` and `npm run drift -- ...`: runs the plan on the real
// service and a simulator (or replays a recording against a simulator), prints the report, and exits 1 only
// for a difference that is not on the known list (docs/decisions/0100, 0102).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_KNOWN_FILE, loadKnown } from './known.js';
import { maskObservation } from './mask.js';
import { driftHelp, parseDriftArgs, UsageError, type DriftOptions } from './options.js';
import { driftPlan, runIdAt } from './plan.js';
import { LITTLEPAY_PUBLISHED_KEY } from './published-key.js';
import { startReceiver, type CallbackReceiver } from './receiver.js';
import { readRecording, recordedPlayer, writeRecording } from './recording.js';
import { reportTable } from './report.js';
import { buildReport, observe, type DriftReport, type Player, type StepObservations } from './run.js';
import { realSide, simulatorSide } from './sides.js';

export interface DriftIO {
  out(line: string): void;
  err(line: string): void;
}

export interface DriftDeps {
  /** Starts the in-memory simulator used when no --sim-url is given. */
  startSimulator(): Promise<{ url: string; close(): Promise<void> }>;
  fetch?: typeof fetch;
}

/** Every value that must never reach a file or the terminal: the credentials, the Basic header made of them, the shopper's phone. */
function secretsOf(options: DriftOptions): string[] {
  const c = options.credentials;
  if (!c) return [];
  const basic = Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64');
  return [c.clientId, c.clientSecret, c.tokenId, c.apiKey, basic, ...(options.shopperMobile ? [options.shopperMobile] : [])];
}

async function realPlayer(options: DriftOptions, common: Parameters<typeof realSide>[2], closers: Array<() => Promise<void>>): Promise<Player> {
  let receiver: CallbackReceiver | undefined;
  if (options.callbackPort !== undefined) {
    receiver = await startReceiver(options.callbackPort, options.callbackHost);
    closers.push(() => receiver!.close());
  }
  const key = options.callbackKeyFile ? readFileSync(options.callbackKeyFile, 'utf8') : LITTLEPAY_PUBLISHED_KEY;
  const callbacks = receiver ? { public: options.callbackUrl ?? receiver.localUrl, receiver, key } : undefined;
  return realSide(options.realUrl!, options.credentials!, common, {
    ...(callbacks ? { callbacks } : {}),
    ...(options.shopperMobile ? { shopperMobile: options.shopperMobile } : {}),
  });
}

/**
 * Stops the run when the real service fails the first request it is sent: an outage or a wrong URL is not
 * drift, and must not read as a report full of it (nor wait out a timeout on every step).
 */
function untilFirstAnswer(player: Player, realUrl: string, secrets: readonly string[]): Player {
  let answered = false;
  return {
    startJourney: (journey) => player.startJourney(journey),
    async play(journey, step, label) {
      const seen = await player.play(journey, step, label);
      if (!answered && seen.kind === 'failed') {
        const { reason } = maskObservation(seen, secrets) as { reason: string };
        throw new Error(`the real service at ${new URL(realUrl).origin} answered nothing: ${reason}`);
      }
      answered ||= seen.kind === 'answer';
      return seen;
    },
  };
}

function writeOutputs(
  report: DriftReport,
  observed: StepObservations[],
  options: DriftOptions,
  human: (line: string) => void,
  io: DriftIO,
  secrets: readonly string[],
): void {
  for (const line of reportTable(report)) human(line);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (options.json === '-') io.out(json.trimEnd());
  else if (options.json) writeFileSync(options.json, json);
  if (options.record) {
    const file = writeRecording(options.record, observed, { realUrl: report.realUrl, recordedAt: new Date().toISOString() }, secrets);
    writeFileSync(join(options.record, 'report.json'), json);
    human(`recorded to ${file} (masked: no credential, card number or personal data)`);
  }
}

async function run(options: DriftOptions, io: DriftIO, deps: DriftDeps, closers: Array<() => Promise<void>>): Promise<number> {
  const known = loadKnown(options.knownFile ?? DEFAULT_KNOWN_FILE);
  const all = driftPlan();
  const unknown = options.journeys.filter((name) => !all.some((j) => j.name === name));
  if (unknown.length) throw new UsageError(`no journey named ${unknown.join(', ')}; --help lists them`);
  const plan = options.journeys.length ? all.filter((j) => options.journeys.includes(j.name)) : all;
  const human = options.json === '-' ? io.err : io.out;

  const recording = options.replay ? readRecording(options.replay) : undefined;
  let simUrl = options.simUrl;
  if (!simUrl) {
    const sim = await deps.startSimulator();
    closers.push(() => sim.close());
    simUrl = sim.url;
  }
  const common = {
    runId: runIdAt(Date.now()),
    timeoutMs: options.timeoutMs,
    callbackWaitMs: options.callbackWaitMs,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  };
  const real = recording ? recordedPlayer(recording) : untilFirstAnswer(await realPlayer(options, common, closers), options.realUrl!, secretsOf(options));
  const simulator = await simulatorSide(simUrl, common, options.simAdminToken);
  const realUrl = recording?.realUrl ?? new URL(options.realUrl!).origin;
  human(
    recording
      ? `drift: replaying ${options.replay} (real ${realUrl}, ${recording.recordedAt}) against the simulator at ${simUrl}`
      : `drift: real ${realUrl} against the simulator at ${simUrl}`,
  );

  const secrets = secretsOf(options);
  const observed = await observe(plan, real, simulator, (line) => human(line));
  // The report is built from the masked observations, so a replay of the recording reports exactly the same.
  const masked: StepObservations[] = observed.map((o) => ({ ...o, real: maskObservation(o.real, secrets), simulator: maskObservation(o.simulator, secrets) }));
  const report = buildReport(masked, known, { mode: recording ? 'replay' : 'live', realUrl });
  writeOutputs(report, observed, options, human, io, secrets);
  return report.totals.unlisted > 0 ? 1 : 0;
}

export async function runDriftCommand(argv: string[], env: NodeJS.ProcessEnv, io: DriftIO, deps: DriftDeps, command = 'npm run drift --'): Promise<number> {
  const closers: Array<() => Promise<void>> = [];
  try {
    const options = parseDriftArgs(argv, env);
    if (options === 'help') {
      io.out(driftHelp(command));
      return 0;
    }
    return await run(options, io, deps, closers);
  } catch (err) {
    const e = err as Error;
    io.err(e instanceof UsageError ? `${e.message}\n${driftHelp(command).split('\n').slice(0, 2).join('\n')}` : `drift: ${e.message}`);
    return 2;
  } finally {
    for (const close of closers.reverse()) await close();
  }
}
