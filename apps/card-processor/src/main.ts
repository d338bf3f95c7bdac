/**
 * Process entry: read the environment, serve, log one line per request, and shut down cleanly on
 * SIGTERM/SIGINT (stop accepting, let charges in flight answer, exit).
 */
import { loadEnv } from './env';
import { startCardProcessor } from './server';

const log = (line: string) => console.log(`card-processor: ${line}`);

async function main(): Promise<void> {
  const env = loadEnv();
  const processor = await startCardProcessor({
    port: env.CARD_PROCESSOR_PORT,
    host: env.CARD_PROCESSOR_HOST,
    keys: {
      publishable: env.CARD_PROCESSOR_PUBLISHABLE_KEY,
      secret: env.CARD_PROCESSOR_SECRET_KEY,
    },
    slowMs: env.CARD_PROCESSOR_SLOW_MS,
    // Long enough for the slow test card to answer before the process goes.
    closeGraceMs: env.CARD_PROCESSOR_SLOW_MS + 2000,
    log,
  });
  log(`listening on ${processor.url} (OpenAPI at ${processor.url}/openapi.json)`);

  const stop = (signal: string) => {
    log(`${signal} received, shutting down`);
    processor.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`card-processor: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
