/**
 * Glue for the `db:*` scripts: run one async task, print failures as a single line (no stack trace)
 * and exit non-zero. `DEBUG=1` prints the full error for maintainers.
 */
import { DbError } from '../src/errors';
import { DEFAULT_APP_DATABASE_URL, readEnv } from '../src/env';

export function appDatabaseUrl(): string {
  return readEnv().databaseUrl ?? DEFAULT_APP_DATABASE_URL;
}

export function runCli(task: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (process.env.DEBUG) console.error(error);
    const message =
      error instanceof DbError || error instanceof Error ? error.message : String(error);
    console.error(`${task}: ${message.split('\n')[0]}`);
    process.exitCode = 1;
  });
}
