// Logs. pino (fastify's logger) writes JSON lines; every line passes through maskCardText first. Each request
// gets one line when it is answered (OneLinePerRequest replaces fastify's "incoming request" and "request
// completed" pair). On a terminal the JSON is rewritten as one readable line by prettyLogStream; we format it
// ourselves rather than add pino-pretty, which brings a dozen packages into the image for this one job
// (docs/decisions/0042-logs.md).
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { maskCardText } from './card-masking.js';

/** Anything pino can write a line to. */
export interface LogStream {
  write(line: string): unknown;
}

export function loggerOptions(config: Config, stream?: LogStream) {
  return {
    level: config.logLevel,
    // Credentials never reach the log; bodies (with card data) are not logged at all, and card data that
    // slips into a message is masked line by line.
    redact: ['req.headers.authorization', 'req.headers["x-api-key"]'],
    hooks: { streamWrite: maskCardText },
    ...(stream ? { stream } : {}),
  };
}

/** pretty on a terminal, JSON otherwise, unless the setting says which. */
export function resolveLogFormat(format: Config['logFormat'], isTTY: boolean): 'pretty' | 'json' {
  return format === 'auto' ? (isTTY ? 'pretty' : 'json') : format;
}

/** pino's levels by name (silent: above every level). */
const LEVEL_VALUES: Readonly<Record<string, number | undefined>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

/**
 * fastify's request log lines, replaced by one line per answered request: method, URL, status and time
 * taken (an error the reply carries is logged with it).
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    const statusCode = reply.statusCode;
    // Docker's HEALTHCHECK asks every 10 s: a healthy answer is not news.
    const routine = statusCode === 200 && (req.url === '/_sim/health' || req.url.startsWith('/_sim/health?'));
    const level = error ? 'error' : routine ? 'debug' : 'info';
    // At --log-level warn (a load test) nothing is built for a line that is not written.
    if (LEVEL_VALUES[level]! < (LEVEL_VALUES[reply.log.level] ?? 0)) return;
    const responseTime = Math.round(reply.elapsedTime * 10) / 10;
    reply.log[level](
      { method: req.method, url: req.url, statusCode, responseTime, ...(error ? { err: error } : {}) },
      `${req.method} ${req.url} ${statusCode}`,
    );
  }
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
/** pino's own fields, which the readable line shows in its own way or leaves out. */
const SHOWN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'err']);

function paint(color: boolean, code: number, text: string): string {
  return color ? `\u001b[${code}m${text}\u001b[39m` : text;
}

function clockTime(ms: unknown): string {
  const d = typeof ms === 'number' ? new Date(ms) : new Date();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** One pino JSON line as a readable line (plus the stack of an error). A line that is not JSON is kept as is. */
export function formatLogLine(line: string, color = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.replace(/\n$/, '');
  }
  const time = paint(color, 90, clockTime(entry.time));
  if (typeof entry.statusCode === 'number' && typeof entry.method === 'string') {
    const status = entry.statusCode;
    const tint = status >= 500 ? 31 : status >= 400 ? 33 : 32;
    return `${time} ${entry.method} ${String(entry.url)} ${paint(color, tint, String(status))} ${paint(color, 90, `${String(entry.responseTime)} ms`)}`;
  }
  const levelNumber = typeof entry.level === 'number' ? entry.level : 30;
  const level = LEVELS[levelNumber] ?? String(levelNumber);
  const tint = levelNumber >= 50 ? 31 : levelNumber >= 40 ? 33 : 36;
  const extra = Object.entries(entry)
    .filter(([k]) => !SHOWN.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  const err = entry.err as { message?: string; stack?: string } | undefined;
  const parts = [time, paint(color, tint, level.padEnd(5)), String(entry.msg ?? ''), ...extra];
  if (err?.message) parts.push(paint(color, 31, `(${err.message})`));
  const stack = err?.stack && levelNumber >= 50 ? `\n${err.stack.split('\n').slice(1).join('\n')}` : '';
  return parts.filter(Boolean).join(' ') + stack;
}

/** A pino destination that writes readable lines to `out` (a terminal). */
export function prettyLogStream(out: { write(text: string): unknown }, color: boolean): LogStream {
  return { write: (line: string) => out.write(`${formatLogLine(line, color)}\n`) };
}
