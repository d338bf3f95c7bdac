// The one place child processes are started, watched and stopped: one-shot commands (`run`,
// `capture`) and long-running services (`startService`, `waitUntilHealthy`, `stop`). Used by
// `npm start`/`npm test`/`npm run bench` and by the Playwright set-up (apps/web/e2e/support/servers.ts,
// typed by processes.d.mts). Only node: built-ins here: `preflight()` runs `npm ci` through `run`
// before any package is installed.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './paths.mjs';

/** Runs a command with inherited stdio; resolves to its exit code (never throws on failure). */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a command and collects its output; resolves to { code, stdout, stderr } (never throws). */
export function capture(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...options,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => resolve({ code: -1, stdout, stderr: stderr + error.message }));
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

const OUTPUT_KEPT = 8000;
/** Services still running; the process 'exit' hook kills what a crash left behind. */
const running = new Set();
let exitHookInstalled = false;

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * Starts a long-running child in its own process group, so that stopping it also stops what it
 * spawned (npm → sh → node). Its output is always kept (the last 8000 characters, for error
 * messages); with `prefix` it is also echoed line by line behind the prefix (stdout to stdout,
 * stderr to stderr), with `logFile` also written to that file.
 * @param {{ name: string, command: string, args?: string[], env?: Record<string, string>,
 *   cwd?: string, prefix?: string, logFile?: string, graceMs?: number }} options
 */
export function startService({
  name,
  command,
  args = [],
  env = {},
  cwd = repoRoot,
  prefix,
  logFile,
  graceMs = 8000,
}) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let kept = '';
  const keep = (chunk) => {
    kept = (kept + chunk.toString()).slice(-OUTPUT_KEPT);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  if (prefix) {
    const echo = (stream, write) =>
      createInterface({ input: stream }).on('line', (line) => write(`${prefix} ${line}\n`));
    echo(child.stdout, (text) => process.stdout.write(text));
    echo(child.stderr, (text) => process.stderr.write(text));
  }
  if (logFile) {
    mkdirSync(path.dirname(logFile), { recursive: true });
    const log = createWriteStream(logFile);
    child.stdout.pipe(log);
    child.stderr.pipe(log);
  }

  const service = {
    name,
    child,
    logFile,
    /** { code, signal } once the process has exited, else null. */
    exitStatus: null,
    /** Resolves with { code, signal } when the process exits (code -1 when it could not start). */
    exited: null,
    /** The last 8000 characters it printed (stdout and stderr together). */
    output: () => kept,
    /** Its last `count` lines of output. */
    tail: (count = 30) => kept.trimEnd().split('\n').slice(-count).join('\n'),
    /** SIGTERM to the process group, SIGKILL after `graceMs`; resolves when it has exited. */
    stop: () => stop(service, graceMs),
  };
  service.exited = new Promise((resolve) => {
    const done = (status) => {
      service.exitStatus ??= status;
      running.delete(service);
      resolve(service.exitStatus);
    };
    child.on('exit', (code, signal) => done({ code, signal }));
    child.on('error', (error) => done({ code: -1, signal: null, error: error.message }));
  });
  running.add(service);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // Last resort when the script ends without stopping its services (a crash, process.exit()).
    process.on('exit', () => {
      for (const { child: orphan } of running) if (orphan.pid) signalGroup(orphan.pid, 'SIGKILL');
    });
  }
  return service;
}

async function stop(service, graceMs) {
  const { child } = service;
  if (service.exitStatus || !child.pid) return;
  signalGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), graceMs);
  await service.exited;
  clearTimeout(timer);
  // Grandchildren that ignored SIGTERM would otherwise outlive their parent.
  signalGroup(child.pid, 'SIGKILL');
}

/** Stops several services at once. */
export async function stopServices(services) {
  await Promise.all(services.map((service) => service.stop()));
}

/** Why a service did not become healthy: `reason` is 'exited', 'aborted' or 'timeout'. */
export class HealthCheckError extends Error {
  name = 'HealthCheckError';
  constructor(message, details) {
    super(message);
    Object.assign(this, details);
  }
}

/**
 * Resolves once `url` answers with a status `accept` likes (default: below 500). Rejects with a
 * HealthCheckError when the service exits first (reason 'exited', with `exitStatus`), when `abort`
 * settles first ('aborted'), or after `timeoutMs` ('timeout', with `last`: the last failure seen).
 * @param {{ name: string, exited: Promise<unknown>, exitStatus: object | null }} service
 * @param {string} url
 * @param {{ timeoutMs?: number, intervalMs?: number, accept?: (status: number) => boolean,
 *   abort?: Promise<unknown> }} [options]
 */
export async function waitUntilHealthy(service, url, options = {}) {
  const { timeoutMs = 120_000, intervalMs = 500, accept = (status) => status < 500 } = options;
  let aborted = false;
  options.abort?.then(() => (aborted = true));
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (aborted)
      throw new HealthCheckError(`stopped before ${url} answered`, { reason: 'aborted', url });
    if (service.exitStatus) {
      const { code, signal } = service.exitStatus;
      throw new HealthCheckError(
        `${service.name} exited (${signal ?? `code ${code}`}) before ${url} answered`,
        { reason: 'exited', url, exitStatus: service.exitStatus },
      );
    }
    try {
      const response = await fetch(url, {
        signal: AbortSignal.timeout(10_000),
        redirect: 'manual',
      });
      await response.arrayBuffer();
      if (accept(response.status)) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(intervalMs);
  }
  throw new HealthCheckError(
    `${url} did not become healthy within ${timeoutMs / 1000}s (last: ${last})`,
    { reason: 'timeout', url, last },
  );
}
