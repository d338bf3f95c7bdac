/**
 * Glue for the `db:*` scripts: run one async task, print failures as a single line (no stack trace)
 * and exit non-zero. `DEBUG=1` prints the full error for maintainers.
 */
import { DEFAULT_APP_DATABASE_URL, readEnv } from '../src/env';

export function appDatabaseUrl(): string {
  return readEnv().databaseUrl ?? DEFAULT_APP_DATABASE_URL;
}

export function runCli(task: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (debugging()) console.error(error);
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${task}: ${firstLine(message)}`);
    process.exitCode = 1;
  });
}

/** The line that says what went wrong; Prisma puts it last, after a code frame. */
function firstLine(message: string): string {
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const useful = lines[0]?.startsWith('Invalid `prisma') ? lines.at(-1) : lines[0];
  return useful ?? 'failed';
}

function debugging(): boolean {
  try {
    return readEnv().debug;
  } catch {
    return false;
  }
}
