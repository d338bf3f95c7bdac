// Child processes: one-shot commands, and long-running services in their own process groups.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import process from 'node:process';
import { repoRoot } from './paths.mjs';

/** Runs a command with inherited stdio; resolves to its exit code (never throws on failure). */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a command and collects its output; resolves to { code, stdout, stderr }. */
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

/** Pipes a stream line by line to a writer, each line behind a prefix such as "[api]". */
function pipeLines(stream, prefix, write) {
  createInterface({ input: stream }).on('line', (line) => write(`${prefix} ${line}\n`));
}

/**
 * Starts a long-running child in its own process group so that it and everything it spawns
 * (npm → sh → node) can be signalled together. Output is prefixed line by line.
 */
export function startService({ name, prefix, command, args, env, cwd = repoRoot }) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  pipeLines(child.stdout, prefix, (text) => process.stdout.write(text));
  pipeLines(child.stderr, prefix, (text) => process.stderr.write(text));
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', () => resolve({ code: -1, signal: null }));
  });
  return { name, child, exited };
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Stops services: SIGTERM to each process group, SIGKILL after a grace period. */
export async function stopServices(services, graceMs = 8000) {
  await Promise.all(
    services.map(async ({ child, exited }) => {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
      signalGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // Grandchildren that ignored SIGTERM would otherwise outlive their parent.
      signalGroup(child.pid, 'SIGKILL');
    }),
  );
}

/** Last-resort synchronous kill, for process 'exit' handlers. */
export function killServicesNow(services) {
  for (const { child } of services) if (child.pid) signalGroup(child.pid, 'SIGKILL');
}
