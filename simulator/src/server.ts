// `littlepay-sim` with no command (and `npm start`): check the data folder, build, listen, print the demo
// merchants, and on SIGTERM or Ctrl-C answer the requests in flight, flush the store and exit 0.
import { Console } from 'node:console';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { merchantView } from './domain/sim-views.js';
import { checkDataDir, DataDirError } from './runtime/data-dir.js';
import { tuneHeapForServing } from './runtime/heap.js';
import { prettyLogStream, resolveLogFormat } from './runtime/logging.js';
import type { SimSchemas } from '../../client/src/index.js';

/** Where the command writes, and what kind of output that is. */
export interface CliIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** stdout is a terminal: readable log lines unless LOG_FORMAT says otherwise. */
  isTTY: boolean;
  color: boolean;
}

/** The columns people copy into their .env: the same table on start and from `littlepay-sim merchants`. */
export function printMerchantTable(io: CliIO, merchants: SimSchemas['Merchant'][]): void {
  new Console({ stdout: io.stdout, stderr: io.stderr }).table(
    merchants.map((m) => ({
      name: m.name,
      environment: m.environment,
      clientId: m.clientId,
      clientSecret: m.clientSecret,
      tokenId: m.tokenId,
      apiKey: m.apiKey,
    })),
  );
}

function listenError(err: unknown, config: Config): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') return `port ${config.port} on ${config.host} is already in use; pass --port or PORT (0 picks a free one)`;
  if (e.code === 'EACCES') return `port ${config.port} on ${config.host} needs privileges this user does not have; pass --port or PORT above 1023`;
  if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') return `this machine has no address ${config.host}; pass --host or HOST`;
  return `cannot listen on ${config.host}:${config.port}: ${e.message}`;
}

/** Starts listening; returns the app, or the exit status after printing one line that says why it could not start. */
export async function serve(config: Config, io: CliIO): Promise<FastifyInstance | number> {
  const fail = (reason: string) => {
    io.stderr.write(`littlepay-sim: cannot start: ${reason}\n`);
    return 1;
  };
  let app: FastifyInstance;
  // Before the store is loaded: this process is the simulator's own, and it is about to serve.
  tuneHeapForServing();
  try {
    if (!config.memory) await checkDataDir(config.dataDir);
    const pretty = resolveLogFormat(config.logFormat, io.isTTY) === 'pretty';
    app = await buildApp({ config, logStream: pretty ? prettyLogStream(io.stdout, io.color) : io.stdout });
  } catch (err) {
    return fail(err instanceof DataDirError ? err.message : (err as Error).message);
  }
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await app.close();
    return fail(listenError(err, config));
  }
  const url = app.sim.ctx.publicUrl();
  const keyFile = app.sim.ctx.keys.publicKeyPath;
  io.stdout.write(
    [
      '',
      `Little Pay simulator listening on ${url} (store: ${app.sim.ctx.store.kind}${config.memory ? '' : ` in ${config.dataDir}`})`,
      `Callback signing public key: ${url}/_sim/keys/callback.pem${keyFile ? ` (also ${keyFile})` : ''}`,
      `API reference: ${url}/docs (the /_sim control API: ${url}/docs/simulator); QA console: ${url}/_sim/console`,
      '',
      '',
    ].join('\n'),
  );
  printMerchantTable(io, app.sim.merchants.list().map(merchantView));
  return app;
}

/** SIGTERM (docker stop) or Ctrl-C: a clean stop and exit 0; a second signal stops at once. */
export function stopOnSignals(app: FastifyInstance, io: CliIO): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      io.stderr.write(`littlepay-sim: ${signal} again: stopping without waiting\n`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
    stopping = true;
    app.log.info(`${signal}: finishing in-flight requests and flushing the store`);
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'the stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
