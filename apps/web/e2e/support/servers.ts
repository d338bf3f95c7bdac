/**
 * The production api and web the tests run against, started and stopped by the repository's one
 * process runner (scripts/lib/processes.mjs): each in its own process group, so that stopping it
 * also stops what npm spawned. Output goes to a log file per server.
 */
import path from 'node:path';
import {
  HealthCheckError,
  startService,
  waitUntilHealthy as waitFor,
} from '../../../../scripts/lib/processes.mjs';
import type { Service } from '../../../../scripts/lib/processes.mjs';
import { repoRoot } from './settings';

export interface RunningServer {
  name: string;
  logFile: string;
  stop(): Promise<void>;
}

type StartedServer = RunningServer & { exited: Promise<number | null>; service: Service };

const logDir = path.join(repoRoot, '.data', 'logs');

/** Where a server's output goes: specs that check what only the log shows read it. */
export function serverLogFile(name: string): string {
  return path.join(logDir, `e2e-${name}.log`);
}

export function startServer(
  name: string,
  workspace: string,
  env: Record<string, string>,
): StartedServer {
  const logFile = serverLogFile(name);
  const service = startService({
    name,
    command: 'npm',
    args: ['run', '--silent', 'start', '-w', workspace],
    env: { NEXT_TELEMETRY_DISABLED: '1', ...env },
    logFile,
  });
  const exited = service.exited.then((status) => status.code);
  return { name, logFile, exited, service, stop: () => service.stop() };
}

/** Resolves once `url` answers below 500; fails early, with the log's tail, if the server exits. */
export async function waitUntilHealthy(
  server: StartedServer,
  url: string,
  timeoutMs = 90_000,
): Promise<void> {
  try {
    await waitFor(server.service, url, { timeoutMs, intervalMs: 300 });
  } catch (error) {
    if (!(error instanceof HealthCheckError)) throw error;
    const lastLines = `Last lines of ${server.logFile}:\n${server.service.tail(30) || '(no log)'}`;
    throw new Error(
      error.reason === 'exited'
        ? `${server.name} exited (code ${error.exitStatus?.code}) before ${url} answered. ${lastLines}`
        : `${url} did not answer within ${timeoutMs / 1000}s. ${lastLines}`,
      { cause: error },
    );
  }
}
