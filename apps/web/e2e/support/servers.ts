/**
 * The production api and web the tests run against, each in its own process group so that
 * stopping it also stops what npm spawned. Output goes to a log file per server.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './settings';

export interface RunningServer {
  name: string;
  logFile: string;
  stop(): Promise<void>;
}

const logDir = path.join(repoRoot, '.data', 'logs');

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export function startServer(
  name: string,
  workspace: string,
  env: Record<string, string>,
): RunningServer & { exited: Promise<number | null> } {
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `e2e-${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn('npm', ['run', '--silent', 'start', '-w', workspace], {
    cwd: repoRoot,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signalGroup(child, 'SIGTERM');
    const killed = await Promise.race([exited.then(() => true), sleep(8000).then(() => false)]);
    signalGroup(child, 'SIGKILL');
    if (!killed) await exited;
  };
  return { name, logFile, exited, stop };
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Resolves once `url` answers below 500; fails early, with the log's tail, if the server exits. */
export async function waitUntilHealthy(
  server: RunningServer & { exited: Promise<number | null> },
  url: string,
  timeoutMs = 90_000,
): Promise<void> {
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(
        `${server.name} exited (code ${exitCode}) before ${url} answered. Last lines of ${server.logFile}:\n${tail(server.logFile)}`,
      );
    }
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(10_000),
        redirect: 'manual',
      });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await sleep(300);
  }
  throw new Error(
    `${url} did not answer within ${timeoutMs / 1000}s. Last lines of ${server.logFile}:\n${tail(server.logFile)}`,
  );
}
