// Process entry: loadConfig → buildApp → listen → print the demo merchants → stop cleanly on SIGTERM.
import { generateSigningKeysAsync, loadOrCreateSigningKeys } from './callbacks/keys.js';
import { ConfigError, helpText, loadConfig } from './config.js';

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
  // The signing key pair is loaded, or made (50 to 230 ms of RSA in the thread pool), while the app's
  // modules load: a start on a fresh data folder or --memory then takes no longer than any other.
  const keys = config.memory ? generateSigningKeysAsync() : loadOrCreateSigningKeys(config.dataDir);
  keys.catch(() => {}); // awaited below; this only stops an early failure from counting as unhandled
  let app;
  try {
    const [{ buildApp }, signingKeys] = await Promise.all([import('./app.js'), keys]);
    app = await buildApp({ config, keys: signingKeys });
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
  const { merchantView } = await import('./http/handlers/simulator.js');
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
