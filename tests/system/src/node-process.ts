/**
 * A service of the shop run as its own process the way a deployment runs it — `node --import tsx
 * src/main.ts` in its package, configured only through its environment — started through the
 * repository's one process runner (scripts/lib/processes.mjs: own process group, output kept, any
 * left-over killed when this process exits). Its output lines are collected so a test can wait for
 * one and a failure can show them.
 */
import { fileURLToPath } from 'node:url';
import { startService, type Service } from '../../../scripts/lib/processes.mjs';

export const appDir = (app: 'api' | 'worker') =>
  fileURLToPath(new URL(`../../../apps/${app}/`, import.meta.url));

export interface NodeProcess {
  name: string;
  service: Service;
  /** Every line it printed so far (stdout and stderr). */
  lines: string[];
  /** Resolves with the first line `match` accepts; rejects when the process exits first or after `timeoutMs`. */
  waitForLine(match: (line: string) => boolean, timeoutMs: number): Promise<string>;
  /** `kill -9`: no shutdown hook runs, nothing is flushed or released. */
  kill9(): Promise<void>;
  /** SIGTERM (SIGKILL after a grace period); resolves once it has exited. */
  stop(): Promise<void>;
  /** Its last lines, for error messages. */
  tail(count?: number): string;
}

export function startNodeProcess(options: {
  name: string;
  app: 'api' | 'worker';
  env: Record<string, string>;
}): NodeProcess {
  const service = startService({
    name: options.name,
    command: process.execPath,
    args: ['--import', 'tsx', 'src/main.ts'],
    cwd: appDir(options.app),
    env: options.env,
    graceMs: 15_000,
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let partial = '';
  const collect = (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts.filter(Boolean));
    for (const wake of waiters) wake();
  };
  service.child.stdout?.on('data', collect);
  service.child.stderr?.on('data', collect);
  const tail = (count = 40) => lines.slice(-count).join('\n') || '(no output)';

  return {
    name: options.name,
    service,
    lines,
    tail,
    waitForLine(match, timeoutMs) {
      return new Promise<string>((resolve, reject) => {
        let seen = 0;
        const done = (error: Error | null, line?: string) => {
          waiters.delete(check);
          clearTimeout(timer);
          if (error) reject(error);
          else resolve(line ?? '');
        };
        const check = () => {
          for (; seen < lines.length; seen++) {
            const line = lines[seen] ?? '';
            if (match(line)) return done(null, line);
          }
        };
        const timer = setTimeout(
          () =>
            done(
              new Error(
                `${options.name} did not log what was awaited within ${timeoutMs / 1000} s:\n${tail()}`,
              ),
            ),
          timeoutMs,
        );
        void service.exited.then((status) =>
          done(
            new Error(
              `${options.name} exited (${status.signal ?? `code ${status.code}`}) while starting:\n${tail()}`,
            ),
          ),
        );
        waiters.add(check);
        check();
      });
    },
    async kill9() {
      if (service.exitStatus || !service.child.pid) return;
      process.kill(-service.child.pid, 'SIGKILL');
      await service.exited;
    },
    stop: () => service.stop(),
  };
}
