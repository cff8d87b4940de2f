// Process entry: loadConfig → buildApp → listen → print the demo merchants → stop cleanly on SIGTERM.
import { buildApp } from './app.js';
import { ConfigError, helpText, loadConfig } from './config.js';
import { merchantView } from './http/handlers/simulator.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.argv.slice(2), process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`littlepay-sim: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  if (!config) {
    console.log(helpText());
    return;
  }
  let app;
  try {
    app = await buildApp({ config });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const reason = e.code === 'EACCES' || e.code === 'EROFS' ? `the data folder ${config.dataDir} is not writable (${e.code}); pass --data-dir or DATA_DIR, or --memory` : e.message;
    console.error(`littlepay-sim: cannot start: ${reason}`);
    process.exit(1);
  }
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE' ? `littlepay-sim: port ${config.port} is already in use; pass --port or PORT` : `littlepay-sim: cannot listen: ${(err as Error).message}`);
    await app.close();
    process.exit(1);
  }
  const merchants = app.sim.merchants.list().map(merchantView);
  const lines = [
    '',
    `Little Pay simulator listening on ${app.sim.ctx.publicUrl()} (store: ${app.sim.ctx.store.kind}${config.memory ? '' : ` in ${config.dataDir}`})`,
    `Callback signing public key: ${app.sim.ctx.publicUrl()}/_sim/keys/callback.pem${app.sim.ctx.keys.publicKeyPath ? ` (also ${app.sim.ctx.keys.publicKeyPath})` : ''}`,
    '',
  ];
  console.log(lines.join('\n'));
  console.table(merchants.map((m) => ({ name: m.name, environment: m.environment, clientId: m.clientId, clientSecret: m.clientSecret, tokenId: m.tokenId, apiKey: m.apiKey })));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: finishing in-flight requests and flushing the store`);
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

await main();
