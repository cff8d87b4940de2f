// The settings: one table gives each its flag, environment variable, default, rule and (from its parser)
// its type, for the command line, the environment and the library's options alike. A bad value stops the
// boot with a message naming it. Settings are parsed here only, from the argv and environment the caller
// hands in: process.env itself is touched only at the edges (main.ts passes it in; main.ts and the
// library read NO_COLOR through colorWanted).
import { parseArgs } from 'node:util';
import { parseDuration } from './runtime/duration.js';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly dataDir: string;
  readonly memory: boolean;
  readonly seed: string;
  readonly clock: 'system' | 'manual';
  readonly pinDelayMs: number;
  readonly longPollTimeoutMs: number;
  readonly refundDelayMs: number;
  readonly threeDsTimeoutMs: number;
  readonly callbackTimeoutMs: number;
  /** Delay before each retry after a failed delivery; its length is the number of retries. */
  readonly callbackRetryScheduleMs: readonly number[];
  /** Delivered callbacks kept in memory; older delivered ones are dropped from memory (never pending or failed ones). */
  readonly callbackMemoryLimit: number;
  /** Inbox messages kept in memory, across every inbox; the oldest are dropped from memory first. */
  readonly inboxLimit: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Most requests kept in each merchant's journal (GET /_sim/merchants/{id}/requests). */
  readonly journalSize: number;
  /** Superseded record versions the persisted store's log holds before it is folded into its chunks (docs/decisions/0056). */
  readonly storeCompactAfter: number;
  /** When set, every /_sim call but health, the public key and the inbox needs Authorization: Bearer <token>. */
  readonly adminToken: string | undefined;
  /** auto: one readable line per request on a terminal, JSON lines otherwise (docs/decisions/0042). */
  readonly logFormat: 'auto' | 'pretty' | 'json';
  /** Host names /_sim answers to besides IP literals, localhost and PUBLIC_URL's host; true: any (docs/decisions/0071). */
  readonly allowedHosts: readonly string[] | true;
  /** Origins whose pages may call /_sim from a browser (CORS and the cross-site check, docs/decisions/0070). */
  readonly corsOrigins: readonly string[];
  /** Callback deliveries in flight at once; the rest wait in the outbox (docs/decisions/0072). */
  readonly callbackConcurrency: number;
  /** How long a client may take to send a request's headers before its connection is closed. */
  readonly headersTimeoutMs: number;
  /** How long a client may take to send a whole request (headers and body) before it gets a 408. */
  readonly requestTimeoutMs: number;
}

export class ConfigError extends Error {}

interface Setting {
  flag: string;
  env: string;
  help: string;
  default: string;
  parse: (raw: string, name: string) => unknown;
  /** How the flag writes an empty list, for a list given in code ('' unless said). */
  empty?: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(min: number, max: number) {
  return (raw: string, name: string): number => {
    if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
    const n = Number(raw);
    if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}`);
    return n;
  };
}
function oneOf<T extends string>(values: readonly T[]) {
  return (raw: string, name: string): T => {
    if (!values.includes(raw as T)) throw new ConfigError(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
    return raw as T;
  };
}
/** A comma-separated list of durations such as `10s,30s,2m,1h` (a bare number is milliseconds), or `none`. */
function durations(raw: string, name: string): readonly number[] {
  if (raw.trim() === 'none') return Object.freeze([]);
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.length > 50) throw new ConfigError(`${name} has ${parts.length} steps; at most 50 are allowed`);
  const out = parts.map((part) => {
    const ms = parseDuration(part, { bareMs: true });
    if (ms === undefined) throw new ConfigError(`${name} must be durations separated by commas such as 10s,30s,2m,1h (or none), got "${part}" in "${raw}"`);
    if (ms < 1 || ms > 86_400_000) throw new ConfigError(`${name}: each step must be between 1ms and 24h, got "${part}"`);
    return ms;
  });
  return Object.freeze(out);
}
function text(raw: string, name: string): string {
  if (raw.trim() === '') throw new ConfigError(`${name} must not be empty`);
  return raw;
}
function token(raw: string, name: string): string {
  if (!/^[\x21-\x7e]{1,512}$/.test(raw)) throw new ConfigError(`${name} must be 1 to 512 printable characters without spaces`);
  return raw;
}
/** Host names separated by commas (`.example.com` also takes its subdomains), or `true` / `*` for any host. */
function hostList(raw: string, name: string): readonly string[] | true {
  if (raw.trim() === 'true' || raw.trim() === '*') return true;
  const hosts = raw
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const h of hosts) {
    if (!/^\.?[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?$|^\[[0-9a-f:.]+\]$/.test(h))
      throw new ConfigError(`${name} must be host names separated by commas (such as sim.qa.example,.internal.example), or true; got "${h}"`);
  }
  return Object.freeze(hosts);
}
/** Origins (scheme, host and port, such as https://console.qa.example) separated by commas. */
function originList(raw: string, name: string): readonly string[] {
  const origins = raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      let parsed: URL | undefined;
      try {
        parsed = new URL(o);
      } catch {
        // reported below
      }
      if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== o.replace(/\/+$/, '').toLowerCase()) {
        throw new ConfigError(`${name} must be origins such as https://console.qa.example (scheme, host and port only) separated by commas; got "${o}"`);
      }
      return parsed.origin;
    });
  return Object.freeze(origins);
}

function url(raw: string, name: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an absolute http(s) URL, got "${raw}"`);
  }
  if (!/^https?:$/.test(parsed.protocol)) throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

const settings = {
  port: { flag: 'port', env: 'PORT', default: '3000', help: 'port to listen on (0 picks a free one)', parse: integer(0, 65535) },
  host: { flag: 'host', env: 'HOST', default: '127.0.0.1', help: 'address to listen on (0.0.0.0 for every interface)', parse: text },
  publicUrl: { flag: 'public-url', env: 'PUBLIC_URL', default: '', help: 'base URL shoppers and callbacks see (default http://localhost:<port>)', parse: url },
  dataDir: { flag: 'data-dir', env: 'DATA_DIR', default: './.littlepay-sim', help: 'folder of the lowdb files and the signing key', parse: text },
  seed: { flag: 'seed', env: 'SEED', default: 'littlepay', help: 'seed of every generated id, credential and name', parse: text },
  clock: {
    flag: 'clock',
    env: 'CLOCK',
    default: 'system',
    help: 'system, or manual (frozen at 2026-01-01; for in-process test suites that advance it)',
    parse: oneOf(['system', 'manual'] as const),
  },
  pinDelayMs: {
    flag: 'pin-delay-ms',
    env: 'PIN_DELAY_MS',
    default: '3000',
    help: 'how long the simulated shopper takes to enter the PIN',
    parse: integer(0, 3_600_000),
  },
  longPollTimeoutMs: {
    flag: 'long-poll-timeout-ms',
    env: 'LONG_POLL_TIMEOUT_MS',
    default: '30000',
    help: 'how long ?longPoll=true holds an answer before PENDING',
    parse: integer(0, 600_000),
  },
  refundDelayMs: {
    flag: 'refund-delay-ms',
    env: 'REFUND_DELAY_MS',
    default: '3000',
    help: 'how long a PENDING mobile-money refund takes',
    parse: integer(0, 3_600_000),
  },
  threeDsTimeoutMs: {
    flag: '3ds-timeout-ms',
    env: 'THREE_DS_TIMEOUT_MS',
    default: '600000',
    help: 'how long a card waits for enroll and the challenge before it fails (the official client waits 10 minutes)',
    parse: integer(1000, 86_400_000),
  },
  callbackTimeoutMs: {
    flag: 'callback-timeout-ms',
    env: 'CALLBACK_TIMEOUT_MS',
    default: '10000',
    help: 'timeout of one callback delivery attempt',
    parse: integer(100, 120_000),
  },
  callbackRetryScheduleMs: {
    flag: 'callback-retries',
    env: 'CALLBACK_RETRIES',
    default: '10s,30s,2m,10m,30m,1h,2h,4h,8h',
    help: 'delay before each retry of a failed callback (ms, s, m, h), or none',
    parse: durations,
    empty: 'none',
  },
  callbackMemoryLimit: {
    flag: 'callback-memory-limit',
    env: 'CALLBACK_MEMORY_LIMIT',
    default: '10000',
    help: 'delivered callbacks kept in memory (never pending or failed ones)',
    parse: integer(0, 10_000_000),
  },
  inboxLimit: {
    flag: 'inbox-limit',
    env: 'INBOX_LIMIT',
    default: '1000',
    help: 'messages kept in memory across every /_sim/inbox',
    parse: integer(1, 1_000_000),
  },
  logLevel: { flag: 'log-level', env: 'LOG_LEVEL', default: 'info', help: LOG_LEVELS.join(', '), parse: oneOf(LOG_LEVELS) },
  storeCompactAfter: {
    flag: 'store-compact-after',
    env: 'STORE_COMPACT_AFTER',
    default: '50000',
    help: "superseded record versions (updates, removals) the store's log holds before it is folded into its chunks",
    parse: integer(1, 100_000_000),
  },
  journalSize: {
    flag: 'journal-size',
    env: 'JOURNAL_SIZE',
    default: '200',
    help: "requests kept in each merchant's journal (oldest dropped first)",
    parse: integer(1, 10_000),
  },
  adminToken: {
    flag: 'admin-token',
    env: 'SIM_ADMIN_TOKEN',
    default: '',
    help: 'bearer token required on /_sim (prefer the environment variable: flags show in ps)',
    parse: token,
  },
  logFormat: {
    flag: 'log-format',
    env: 'LOG_FORMAT',
    default: 'auto',
    help: 'pretty, json, or auto (pretty on a terminal, JSON otherwise)',
    parse: oneOf(['auto', 'pretty', 'json'] as const),
  },
  allowedHosts: {
    flag: 'allowed-hosts',
    env: 'SIM_ALLOWED_HOSTS',
    default: '',
    help: "host names /_sim answers to besides IP addresses, localhost and PUBLIC_URL's (comma-separated; true for any)",
    parse: hostList,
  },
  corsOrigins: {
    flag: 'cors-origins',
    env: 'SIM_CORS_ORIGINS',
    default: '',
    help: 'origins whose pages may call /_sim from a browser (comma-separated)',
    parse: originList,
  },
  callbackConcurrency: {
    flag: 'callback-concurrency',
    env: 'CALLBACK_CONCURRENCY',
    default: '64',
    help: 'callback deliveries in flight at once (the rest wait in the outbox)',
    parse: integer(1, 10_000),
  },
  headersTimeoutMs: {
    flag: 'headers-timeout-ms',
    env: 'HEADERS_TIMEOUT_MS',
    default: '10000',
    help: 'how long a client may take to send the headers of a request',
    parse: integer(1000, 600_000),
  },
  requestTimeoutMs: {
    flag: 'request-timeout-ms',
    env: 'REQUEST_TIMEOUT_MS',
    default: '30000',
    help: 'how long a client may take to send a whole request',
    parse: integer(1000, 600_000),
  },
} satisfies Record<string, Setting>;

/** Settings whose empty value means "not set" rather than an error. */
const OPTIONAL = new Set(['publicUrl', 'adminToken']);

export function helpText(): string {
  const lines = [
    'littlepay-sim: an offline simulator of the Little Pay payment API',
    '',
    'Usage:',
    '  littlepay-sim [options]                  start the simulator and print the demo merchants',
    '  littlepay-sim merchants [options]        print the merchants of the data folder and their credentials',
    '                                           (--json for JSON; the demo ones of --seed if nothing is stored yet)',
    '  littlepay-sim scenarios --base-url URL   run the scenario journeys against a running simulator',
    '                                           (littlepay-sim scenarios --help lists them)',
    '  littlepay-sim drift --real-url URL       compare the real Little Pay sandbox with the simulator',
    '                                           (littlepay-sim drift --help; docs/guides/drift.md)',
    '',
    'Options (each also reads the environment variable shown; a flag wins):',
  ];
  for (const s of Object.values(settings) as Setting[]) {
    lines.push(`  --${s.flag.padEnd(22)} ${s.env.padEnd(21)} ${s.help}${s.default ? ` [${s.default}]` : ''}`);
  }
  lines.push(`  --${'memory'.padEnd(22)} ${'MEMORY=1'.padEnd(21)} keep nothing on disk`);
  lines.push(`  --${'help'.padEnd(22)} ${''.padEnd(21)} show this text`);
  return lines.join('\n');
}

type Raw = { raw: string; label: string };

/** Parses every setting from its raw text (a flag, a variable, an option or the default), naming the source of a bad value. */
function resolve(pick: (name: string, s: Setting) => Raw | undefined, memory: boolean): Config {
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(settings) as [string, Setting][]) {
    const { raw, label } = pick(name, s) ?? { raw: s.default, label: `--${s.flag}` };
    out[name] = raw === '' && OPTIONAL.has(name) ? (name === 'publicUrl' ? '' : undefined) : s.parse(raw, label);
  }
  out.memory = memory;
  // Node refuses a headers timeout longer than the request's.
  if ((out.headersTimeoutMs as number) > (out.requestTimeoutMs as number)) {
    throw new ConfigError(
      `HEADERS_TIMEOUT_MS (${out.headersTimeoutMs as number}) must not be longer than REQUEST_TIMEOUT_MS (${out.requestTimeoutMs as number})`,
    );
  }
  if (!out.publicUrl) out.publicUrl = `http://localhost:${out.port as number}`;
  return Object.freeze(out as unknown as Config);
}

function parseFlags(argv: string[], extra: Record<string, { type: 'string' | 'boolean' }>) {
  const options: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' }, memory: { type: 'boolean' }, ...extra };
  for (const s of Object.values(settings) as Setting[]) options[s.flag] = { type: 'string' };
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new ConfigError(`${(err as Error).message}\nRun with --help to see every option.`);
  }
}

function fromArgvAndEnv(values: Record<string, string | boolean | undefined>, env: NodeJS.ProcessEnv): Config {
  const memoryEnv = env.MEMORY;
  if (memoryEnv !== undefined && !['0', '1', 'true', 'false', ''].includes(memoryEnv)) {
    throw new ConfigError(`MEMORY must be 1 or 0, got "${memoryEnv}"`);
  }
  const memory = values.memory === true || memoryEnv === '1' || memoryEnv === 'true';
  return resolve((_name, s) => {
    const fromFlag = values[s.flag];
    if (typeof fromFlag === 'string') return { raw: fromFlag, label: `--${s.flag}` };
    const fromEnv = env[s.env];
    return fromEnv === undefined ? undefined : { raw: fromEnv, label: s.env };
  }, memory);
}

/** Reads argv and env; throws ConfigError naming the first bad value. Returns null when --help was asked. */
export function loadConfig(argv: string[], env: NodeJS.ProcessEnv): Config | null {
  const values = parseFlags(argv, {});
  return values.help ? null : fromArgvAndEnv(values, env);
}

/** What the littlepay-sim command was asked to do. */
export type Command =
  | { name: 'help' }
  | { name: 'start'; config: Config }
  | { name: 'merchants'; config: Config; json: boolean }
  /** The scenario runner parses its own flags (--base-url, --journey). */
  | { name: 'scenarios'; args: string[] }
  /** The drift check parses its own flags (--real-url, --replay, the credentials). */
  | { name: 'drift'; args: string[] };

const COMMANDS = ['merchants', 'scenarios', 'drift'] as const;

/** The command line of littlepay-sim: an optional command, then flags. Throws ConfigError on a bad one. */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): Command {
  const [first, ...rest] = argv;
  if (first === 'scenarios') return { name: 'scenarios', args: rest };
  if (first === 'drift') return { name: 'drift', args: rest };
  if (first === 'help') return { name: 'help' };
  if (first === 'merchants') {
    const values = parseFlags(rest, { json: { type: 'boolean' } });
    return values.help ? { name: 'help' } : { name: 'merchants', config: fromArgvAndEnv(values, env), json: values.json === true };
  }
  if (first !== undefined && !first.startsWith('-')) {
    throw new ConfigError(
      `unknown command "${first}" (the commands are ${COMMANDS.slice(0, -1).join(', ')} and ${COMMANDS.at(-1)})\nRun with --help to see every option.`,
    );
  }
  const config = loadConfig(argv, env);
  return config ? { name: 'start', config } : { name: 'help' };
}

/** What a setting holds once parsed: its parser's result, so a setting added to the table is typed everywhere. */
type SettingValue<K extends keyof typeof settings> = ReturnType<(typeof settings)[K]['parse']>;

/**
 * Settings given in code (the library): every setting of the table by its name, typed as its parser
 * returns it, plus memory; the same defaults and rules as the flags; no environment read.
 */
export type SettingOptions = { [K in keyof typeof settings]?: SettingValue<K> } & { memory?: boolean };

export function configFromOptions(options: SettingOptions, where = 'option'): Config {
  for (const name of Object.keys(options)) {
    if (!(name in settings) && name !== 'memory')
      throw new ConfigError(`unknown ${where} "${name}"; the options are ${[...Object.keys(settings), 'memory'].join(', ')}`);
  }
  if (options.memory !== undefined && typeof options.memory !== 'boolean') throw new ConfigError(`${where} memory must be true or false`);
  const given = options as Record<string, unknown>;
  // A list (the retry schedule, the allowed hosts) is written as its flag takes it: comma-separated.
  const raw = (s: Setting, v: unknown) => (Array.isArray(v) ? (v.length === 0 ? (s.empty ?? '') : v.join(',')) : String(v));
  return resolve((name, s) => (given[name] === undefined ? undefined : { raw: raw(s, given[name]), label: `${where} ${name}` }), options.memory ?? false);
}

/** Colour on a terminal, unless NO_COLOR is set (https://no-color.org). */
export function colorWanted(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  return isTTY && env.NO_COLOR === undefined;
}

/** The settings for in-process use (tests, library): no env, no argv, everything explicit. */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig([], {}) as Config;
  return Object.freeze({ ...base, memory: true, logLevel: 'silent', ...overrides });
}
