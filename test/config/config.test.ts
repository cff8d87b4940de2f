// loadConfig (simulator/src/config.ts): defaults, precedence of flags over environment, --help, and a
// ConfigError naming the setting for each bad value. Then the process entry itself, run as a child
// process with --help and with a bad flag (it exits before building the app: no socket is opened).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, helpText, loadConfig, type Config } from '../../simulator/src/config.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every option with its environment variable, as the README and --help promise them. */
const OPTIONS: Array<[flag: string, env: string]> = [
  ['port', 'PORT'],
  ['host', 'HOST'],
  ['public-url', 'PUBLIC_URL'],
  ['data-dir', 'DATA_DIR'],
  ['seed', 'SEED'],
  ['clock', 'CLOCK'],
  ['pin-delay-ms', 'PIN_DELAY_MS'],
  ['long-poll-timeout-ms', 'LONG_POLL_TIMEOUT_MS'],
  ['refund-delay-ms', 'REFUND_DELAY_MS'],
  ['callback-timeout-ms', 'CALLBACK_TIMEOUT_MS'],
  ['callback-retries', 'CALLBACK_RETRIES'],
  ['callback-memory-limit', 'CALLBACK_MEMORY_LIMIT'],
  ['inbox-limit', 'INBOX_LIMIT'],
  ['log-level', 'LOG_LEVEL'],
  ['journal-size', 'JOURNAL_SIZE'],
  ['store-compact-after', 'STORE_COMPACT_AFTER'],
  ['admin-token', 'SIM_ADMIN_TOKEN'],
  ['log-format', 'LOG_FORMAT'],
  ['allowed-hosts', 'SIM_ALLOWED_HOSTS'],
  ['cors-origins', 'SIM_CORS_ORIGINS'],
  ['callback-concurrency', 'CALLBACK_CONCURRENCY'],
  ['headers-timeout-ms', 'HEADERS_TIMEOUT_MS'],
  ['request-timeout-ms', 'REQUEST_TIMEOUT_MS'],
  ['memory', 'MEMORY'],
  ['help', ''],
];

function load(argv: string[], env: NodeJS.ProcessEnv = {}): Config {
  const config = loadConfig(argv, env);
  if (!config) throw new Error('expected a config, got null (--help)');
  return config;
}

/** The ConfigError thrown for argv/env (fails the test if none, or another kind, is thrown). */
function configError(argv: string[], env: NodeJS.ProcessEnv = {}): ConfigError {
  try {
    loadConfig(argv, env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`no ConfigError for argv ${JSON.stringify(argv)} env ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(load([])).toEqual({
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      dataDir: './.littlepay-sim',
      memory: false,
      seed: 'littlepay',
      clock: 'system',
      pinDelayMs: 3000,
      longPollTimeoutMs: 30_000,
      refundDelayMs: 3000,
      threeDsTimeoutMs: 600_000,
      callbackTimeoutMs: 10_000,
      callbackRetryScheduleMs: [10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000],
      callbackMemoryLimit: 10_000,
      inboxLimit: 1000,
      logLevel: 'info',
      journalSize: 200,
      storeCompactAfter: 50_000,
      adminToken: undefined,
      logFormat: 'auto',
      allowedHosts: [],
      corsOrigins: [],
      callbackConcurrency: 64,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
    });
    expect(Object.isFrozen(load([]))).toBe(true);
  });

  it('derives the default public URL from the port in use', () => {
    expect(load(['--port', '4010']).publicUrl).toBe('http://localhost:4010');
    expect(load([], { PORT: '4011' }).publicUrl).toBe('http://localhost:4011');
    expect(load(['--port', '4010', '--public-url', 'https://sim.example/'], {}).publicUrl).toBe('https://sim.example');
  });

  it('reads the environment when no flag is given', () => {
    const config = load([], {
      PORT: '5000',
      HOST: '0.0.0.0',
      PUBLIC_URL: 'http://sim.local:5000',
      DATA_DIR: '/tmp/sim-data',
      SEED: 'other',
      CLOCK: 'manual',
      PIN_DELAY_MS: '10',
      LONG_POLL_TIMEOUT_MS: '20',
      REFUND_DELAY_MS: '30',
      THREE_DS_TIMEOUT_MS: '5000',
      CALLBACK_TIMEOUT_MS: '400',
      CALLBACK_RETRIES: '250ms, 2s,1m,1h',
      CALLBACK_MEMORY_LIMIT: '0',
      INBOX_LIMIT: '5',
      LOG_LEVEL: 'warn',
      JOURNAL_SIZE: '50',
      STORE_COMPACT_AFTER: '1000',
      SIM_ADMIN_TOKEN: 'ci-token-123',
      LOG_FORMAT: 'json',
      SIM_ALLOWED_HOSTS: 'littlepay-sim, .qa.example',
      SIM_CORS_ORIGINS: 'https://console.qa.example,http://localhost:5173',
      CALLBACK_CONCURRENCY: '8',
      HEADERS_TIMEOUT_MS: '2000',
      REQUEST_TIMEOUT_MS: '5000',
      MEMORY: '1',
    });
    expect(config).toEqual({
      port: 5000,
      host: '0.0.0.0',
      publicUrl: 'http://sim.local:5000',
      dataDir: '/tmp/sim-data',
      memory: true,
      seed: 'other',
      clock: 'manual',
      pinDelayMs: 10,
      longPollTimeoutMs: 20,
      refundDelayMs: 30,
      threeDsTimeoutMs: 5000,
      callbackTimeoutMs: 400,
      callbackRetryScheduleMs: [250, 2000, 60_000, 3_600_000],
      callbackMemoryLimit: 0,
      inboxLimit: 5,
      logLevel: 'warn',
      journalSize: 50,
      storeCompactAfter: 1000,
      adminToken: 'ci-token-123',
      logFormat: 'json',
      allowedHosts: ['littlepay-sim', '.qa.example'],
      corsOrigins: ['https://console.qa.example', 'http://localhost:5173'],
      callbackConcurrency: 8,
      headersTimeoutMs: 2000,
      requestTimeoutMs: 5000,
    });
    expect(load([], { SIM_ALLOWED_HOSTS: 'true' }).allowedHosts).toBe(true);
    expect(load([], { SIM_ALLOWED_HOSTS: '*' }).allowedHosts).toBe(true);
    // An empty token is no token (an unset variable in a compose file): /_sim stays open.
    expect(load([], { SIM_ADMIN_TOKEN: '' }).adminToken).toBeUndefined();
    expect(load([], { MEMORY: 'true' }).memory).toBe(true);
    expect(load([], { MEMORY: '0' }).memory).toBe(false);
    expect(load([], { MEMORY: 'false' }).memory).toBe(false);
  });

  it('lets flags override the environment', () => {
    const env = { PORT: '5000', CLOCK: 'manual', PIN_DELAY_MS: '10', LOG_LEVEL: 'warn', DATA_DIR: '/tmp/env-dir' };
    const config = load(['--port', '6000', '--clock=system', '--pin-delay-ms', '0', '--log-level', 'debug', '--data-dir', '/tmp/flag-dir', '--memory'], env);
    expect(config).toMatchObject({ port: 6000, clock: 'system', pinDelayMs: 0, logLevel: 'debug', dataDir: '/tmp/flag-dir', memory: true });
    expect(config.publicUrl).toBe('http://localhost:6000');
    // A flag wins even over a bad environment value of the same setting.
    expect(load(['--port', '6001'], { PORT: 'abc' }).port).toBe(6001);
  });

  it('returns null for --help, and helpText lists every flag with its environment variable', () => {
    expect(loadConfig(['--help'], {})).toBeNull();
    expect(loadConfig(['--port', '1', '--help'], { PORT: 'abc' })).toBeNull();
    const help = helpText();
    for (const [flag, env] of OPTIONS) {
      expect(help, `--${flag}`).toMatch(new RegExp(`^\\s+--${flag}\\s`, 'm'));
      if (env) expect(help, env).toContain(env);
    }
    // Every option listed is one loadConfig takes (and no flag is listed that it would refuse).
    const listed = [...help.matchAll(/^\s+--([a-z-]+)\s/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(OPTIONS.map(([flag]) => flag).sort());
    for (const [flag] of OPTIONS) {
      if (flag === 'help' || flag === 'memory') continue;
      const values: Record<string, string> = {
        clock: 'manual',
        'log-level': 'warn',
        'log-format': 'pretty',
        'public-url': 'http://x.test',
        'cors-origins': 'http://x.test',
        'headers-timeout-ms': '4200',
        'request-timeout-ms': '42000',
      };
      const value = values[flag] ?? '420';
      expect(() => loadConfig([`--${flag}`, value], {}), flag).not.toThrow();
    }
  });

  it.each([
    { name: 'PORT=abc', argv: [], env: { PORT: 'abc' }, names: 'PORT' },
    { name: '--port 70000', argv: ['--port', '70000'], env: {}, names: '--port' },
    { name: '--port -1', argv: ['--port=-1'], env: {}, names: '--port' },
    { name: 'CLOCK=fast', argv: [], env: { CLOCK: 'fast' }, names: 'CLOCK' },
    { name: 'LOG_LEVEL=loud', argv: [], env: { LOG_LEVEL: 'loud' }, names: 'LOG_LEVEL' },
    { name: 'LOG_FORMAT=xml', argv: [], env: { LOG_FORMAT: 'xml' }, names: 'LOG_FORMAT' },
    { name: 'PUBLIC_URL=ftp://x', argv: [], env: { PUBLIC_URL: 'ftp://x' }, names: 'PUBLIC_URL' },
    { name: 'PUBLIC_URL=not a url', argv: [], env: { PUBLIC_URL: 'not a url' }, names: 'PUBLIC_URL' },
    { name: '--nope', argv: ['--nope'], env: {}, names: '--nope' },
    { name: 'JOURNAL_SIZE=0', argv: [], env: { JOURNAL_SIZE: '0' }, names: 'JOURNAL_SIZE' },
    { name: 'SIM_ADMIN_TOKEN with a space', argv: [], env: { SIM_ADMIN_TOKEN: 'two words' }, names: 'SIM_ADMIN_TOKEN' },
    { name: 'a positional argument', argv: ['serve'], env: {}, names: 'serve' },
    { name: 'MEMORY=maybe', argv: [], env: { MEMORY: 'maybe' }, names: 'MEMORY' },
    { name: 'PIN_DELAY_MS=1.5', argv: [], env: { PIN_DELAY_MS: '1.5' }, names: 'PIN_DELAY_MS' },
    { name: '--callback-timeout-ms 5', argv: ['--callback-timeout-ms', '5'], env: {}, names: '--callback-timeout-ms' },
    { name: 'HOST=" "', argv: [], env: { HOST: ' ' }, names: 'HOST' },
    { name: 'CALLBACK_RETRIES=10s,soon', argv: [], env: { CALLBACK_RETRIES: '10s,soon' }, names: 'CALLBACK_RETRIES' },
    { name: 'CALLBACK_RETRIES=10d', argv: [], env: { CALLBACK_RETRIES: '10d' }, names: 'CALLBACK_RETRIES' },
    { name: '--callback-retries 25h', argv: ['--callback-retries', '25h'], env: {}, names: '--callback-retries' },
    { name: '--callback-retries 0s', argv: ['--callback-retries', '0s'], env: {}, names: '--callback-retries' },
    { name: 'CALLBACK_RETRIES with 51 steps', argv: [], env: { CALLBACK_RETRIES: Array(51).fill('1s').join(',') }, names: 'CALLBACK_RETRIES' },
    { name: 'CALLBACK_RETRIES=""', argv: [], env: { CALLBACK_RETRIES: '' }, names: 'CALLBACK_RETRIES' },
    { name: 'CALLBACK_MEMORY_LIMIT=-5', argv: [], env: { CALLBACK_MEMORY_LIMIT: '-5' }, names: 'CALLBACK_MEMORY_LIMIT' },
    { name: 'INBOX_LIMIT=0', argv: [], env: { INBOX_LIMIT: '0' }, names: 'INBOX_LIMIT' },
    { name: 'SIM_ALLOWED_HOSTS with a URL', argv: [], env: { SIM_ALLOWED_HOSTS: 'https://sim.example' }, names: 'SIM_ALLOWED_HOSTS' },
    { name: 'SIM_CORS_ORIGINS with a path', argv: [], env: { SIM_CORS_ORIGINS: 'https://console.example/app' }, names: 'SIM_CORS_ORIGINS' },
    { name: 'SIM_CORS_ORIGINS=*', argv: [], env: { SIM_CORS_ORIGINS: '*' }, names: 'SIM_CORS_ORIGINS' },
    { name: 'CALLBACK_CONCURRENCY=0', argv: [], env: { CALLBACK_CONCURRENCY: '0' }, names: 'CALLBACK_CONCURRENCY' },
    {
      name: 'a headers timeout longer than the request timeout',
      argv: [],
      env: { HEADERS_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_MS: '10000' },
      names: 'HEADERS_TIMEOUT_MS',
    },
  ])('refuses $name with a ConfigError naming the setting', ({ argv, env, names }) => {
    expect(configError(argv, env).message).toContain(names);
  });

  it('reads a retry schedule in ms, s, m or h, or none for no retries', () => {
    expect(load(['--callback-retries', '1500,2s,3m,4h']).callbackRetryScheduleMs).toEqual([1500, 2000, 180_000, 14_400_000]);
    expect(load([], { CALLBACK_RETRIES: 'none' }).callbackRetryScheduleMs).toEqual([]);
    expect(Object.isFrozen(load([]).callbackRetryScheduleMs)).toBe(true);
  });

  it("reads a retry step as a test clock reads a duration (one grammar, runtime/duration.ts), and names the setting when it can't", () => {
    expect(load(['--callback-retries', '1m30s,1d']).callbackRetryScheduleMs).toEqual([90_000, 86_400_000]);
    expect(configError([], { CALLBACK_RETRIES: '10s,2x' }).message).toBe(
      'CALLBACK_RETRIES must be durations separated by commas such as 10s,30s,2m,1h (or none), got "2x" in "10s,2x"',
    );
    expect(configError([], { CALLBACK_RETRIES: '1d1ms' }).message).toBe('CALLBACK_RETRIES: each step must be between 1ms and 24h, got "1d1ms"');
  });

  it('defaultConfig is explicit: memory, silent, no environment read', () => {
    const config = defaultConfig({ pinDelayMs: 5 });
    expect(config).toMatchObject({ port: 3000, memory: true, logLevel: 'silent', pinDelayMs: 5, publicUrl: 'http://localhost:3000' });
  });
});

describe('the process entry (simulator/src/main.ts)', () => {
  // Only the variables a child needs; none of the simulator's settings leak in from the test's shell.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_OPTIONS: '' };
  const run = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'simulator/src/main.ts', ...args], {
      cwd: ROOT,
      env: { ...env, ...extra },
      encoding: 'utf8',
      timeout: 15_000,
    });

  it('prints the help and exits 0 with --help', () => {
    const res = run(['--help']);
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(0);
    expect(res.stdout).toBe(`${helpText()}\n`);
    expect(res.stderr).toBe('');
  });

  it('exits 2 naming the setting for a bad flag or environment value', () => {
    const flag = run(['--port', 'abc']);
    expect(flag.error).toBeUndefined();
    expect(flag.status).toBe(2);
    expect(flag.stdout).toBe('');
    expect(flag.stderr.trim()).toBe('littlepay-sim: --port must be a whole number, got "abc"');

    const fromEnv = run([], { LOG_LEVEL: 'loud' });
    expect(fromEnv.status).toBe(2);
    expect(fromEnv.stderr).toContain('LOG_LEVEL');
  });
});
