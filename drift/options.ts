// The drift command line: flags, the credentials from the environment (a flag wins), and the help text.
// Credentials are only ever held in memory: never written to a report, a recording or a log.
import { parseArgs } from 'node:util';
import type { Credentials } from './side.js';

export interface DriftOptions {
  realUrl?: string;
  credentials?: Credentials;
  simUrl?: string;
  simAdminToken?: string;
  callbackUrl?: string;
  callbackPort?: number;
  callbackHost: string;
  callbackKeyFile?: string;
  shopperMobile?: string;
  knownFile?: string;
  json?: string;
  record?: string;
  replay?: string;
  journeys: string[];
  timeoutMs: number;
  callbackWaitMs: number;
}

export class UsageError extends Error {}

const CREDENTIALS = [
  ['clientId', 'client-id', 'LITTLEPAY_CLIENT_ID'],
  ['clientSecret', 'client-secret', 'LITTLEPAY_CLIENT_SECRET'],
  ['tokenId', 'token-id', 'LITTLEPAY_TOKEN_ID'],
  ['apiKey', 'api-key', 'LITTLEPAY_API_KEY'],
] as const;

export function driftHelp(command: string): string {
  return [
    `usage: ${command} --real-url URL [options]      compare the real sandbox with the simulator`,
    `       ${command} --replay DIR [options]        compare a recording with today's simulator`,
    '',
    "The real sandbox merchant's credentials come from the environment (prefer it: flags show in ps):",
    '  LITTLEPAY_CLIENT_ID, LITTLEPAY_CLIENT_SECRET, LITTLEPAY_TOKEN_ID, LITTLEPAY_API_KEY',
    '  or --client-id, --client-secret, --token-id, --api-key',
    '',
    'Options:',
    '  --real-url URL          the real service, e.g. https://pay.little.africa',
    '  --sim-url URL           a running simulator (default: one started in memory for the run)',
    "  --sim-admin-token T     that simulator's SIM_ADMIN_TOKEN, if it has one (or SIM_ADMIN_TOKEN)",
    '  --callback-url URL      a public URL that forwards to --callback-port here (your tunnel or proxy);',
    "                          without it the real side's callbacks are not checked",
    '  --callback-port PORT    where the receiver listens [8787]; alone, the real service must reach it directly',
    '  --callback-host HOST    [127.0.0.1]',
    "  --callback-key FILE     PEM key that verifies the real callbacks [Little Pay's published key]",
    '  --shopper-mobile N      a phone you hold (digits with the country code): the M-Pesa steps then run on',
    '                          the real sandbox too, and you enter the PIN when prompted (1 KES, refunded)',
    '  --known FILE            the known differences [drift/known-differences.json]',
    '  --journey NAME          run only this journey (repeatable): intent-and-errors, card-frictionless,',
    '                          card-challenge, mpesa',
    '  --json FILE             also write the report as JSON (- for standard output)',
    "  --record DIR            save both sides' answers, masked, to DIR/recording.json",
    '  --replay DIR            compare DIR/recording.json with the simulator; needs no credentials',
    '  --timeout-ms MS         wait for one answer at most [90000]',
    '  --callback-wait-ms MS   wait for a callback at most [60000]',
    '  --help',
    '',
    'Exit status: 0 when every difference is on the known list, 1 when one is not, 2 when the run could not be made.',
  ].join('\n');
}

function whole(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return Number(raw);
}

function url(raw: string | undefined, name: string): string | undefined {
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new UsageError(`--${name} must be an absolute http(s) URL, got "${raw}"`);
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new UsageError(`--${name} must be an http(s) URL, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

/** The options, or 'help'. Throws UsageError naming the flag at fault. */
export function parseDriftArgs(argv: string[], env: NodeJS.ProcessEnv): DriftOptions | 'help' {
  const text = { type: 'string' } as const;
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        'real-url': text,
        'sim-url': text,
        'sim-admin-token': text,
        'callback-url': text,
        'callback-port': text,
        'callback-host': text,
        'callback-key': text,
        'shopper-mobile': text,
        known: text,
        json: text,
        record: text,
        replay: text,
        journey: { type: 'string', multiple: true },
        'timeout-ms': text,
        'callback-wait-ms': text,
        help: { type: 'boolean' },
        'client-id': text,
        'client-secret': text,
        'token-id': text,
        'api-key': text,
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) return 'help';
  if (!values['real-url'] && !values.replay) throw new UsageError('--real-url (or --replay DIR) is required');
  if (values['real-url'] && values.replay) throw new UsageError('--real-url and --replay do not go together: a replay makes no real request');
  if (values.record && values.replay) throw new UsageError('--record and --replay do not go together');
  const options: DriftOptions = {
    callbackHost: values['callback-host'] ?? '127.0.0.1',
    journeys: values.journey ?? [],
    timeoutMs: whole(values['timeout-ms'], 'timeout-ms', 90_000, 1, 3_600_000),
    callbackWaitMs: whole(values['callback-wait-ms'], 'callback-wait-ms', 60_000, 0, 3_600_000),
  };
  const optional = {
    realUrl: url(values['real-url'], 'real-url'),
    simUrl: url(values['sim-url'], 'sim-url'),
    callbackUrl: url(values['callback-url'], 'callback-url'),
    simAdminToken: values['sim-admin-token'] ?? env.SIM_ADMIN_TOKEN,
    callbackKeyFile: values['callback-key'],
    knownFile: values.known,
    json: values.json,
    record: values.record,
    replay: values.replay,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined && v !== '') Object.assign(options, { [k]: v });
  if (values['callback-port'] !== undefined || options.callbackUrl) options.callbackPort = whole(values['callback-port'], 'callback-port', 8787, 0, 65535);
  const mobile = values['shopper-mobile'];
  if (mobile !== undefined && !/^[1-9]\d{7,14}$/.test(mobile))
    throw new UsageError('--shopper-mobile must be digits with the country code and no "+", such as 2547XXXXXXXX');
  if (mobile !== undefined) options.shopperMobile = mobile;
  if (options.realUrl) options.credentials = credentialsFrom(values, env);
  return options;
}

function credentialsFrom(values: Record<string, unknown>, env: NodeJS.ProcessEnv): Credentials {
  const found: Partial<Credentials> = {};
  const missing: string[] = [];
  for (const [key, flag, variable] of CREDENTIALS) {
    const v = (values[flag] as string | undefined) ?? env[variable];
    if (v) found[key] = v;
    else missing.push(`${variable} (or --${flag})`);
  }
  if (missing.length) throw new UsageError(`the real sandbox merchant's credentials are missing: ${missing.join(', ')}`);
  return found as Credentials;
}
