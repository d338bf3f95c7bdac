// The servers a bench drives: `node <entry>` through scripts/lib/processes.mjs, stopped by the lifecycle
// cleanups (normal end and Ctrl-C), waited for on a health URL. Shared by `npm run bench` and
// `npm run bench:stages`.
import { onCleanup } from '../lib/lifecycle.mjs';
import { isPortInUse } from '../lib/preflight.mjs';
import { HealthCheckError, startService, waitUntilHealthy } from '../lib/processes.mjs';

/** Refuse a port something already listens on: the health check would otherwise talk to that server. */
export async function assertPortFree(port, hint) {
  if (await isPortInUse(port, '127.0.0.1'))
    throw new Error(`port ${port} is already in use; ${hint}`);
}

/**
 * `node <entry>` with `env` added to this process's environment (run in `cwd`), stopped on the way out;
 * its output is shown only if it dies or fails to come up. Resolves to its base URL once
 * `http://127.0.0.1:<port><healthPath>` answers 2xx (`port` defaults to `env.PORT`) and, when `readyLine`
 * is given, it has printed a line containing that text (the worker's "worker ready": its consumers
 * take jobs only after its port answers).
 */
export async function startServer(
  name,
  entry,
  env,
  healthPath,
  { cwd, port = env.PORT, readyLine } = {},
) {
  const server = startService({
    name,
    command: process.execPath,
    args: [entry],
    env,
    cwd,
    graceMs: 5000,
  });
  onCleanup(() => server.stop());
  let ready = !readyLine;
  let seen = '';
  const watch = (chunk) => {
    seen = (seen + chunk.toString()).slice(-4096);
    ready ||= seen.includes(readyLine);
  };
  if (readyLine) server.child.stdout.on('data', watch);
  const url = `http://127.0.0.1:${port}${healthPath}`;
  const timeoutMs = 60_000;
  const accept = (status) => status >= 200 && status < 300;
  try {
    await waitUntilHealthy(server, url, { timeoutMs, intervalMs: 150, accept });
  } catch (error) {
    if (!(error instanceof HealthCheckError)) throw error;
    const { code, signal } = server.exitStatus ?? {};
    const why = server.exitStatus
      ? `exited (${JSON.stringify({ code, signal })})`
      : `no 200 from ${url} within ${timeoutMs} ms`;
    throw new Error(`${name} did not come up: ${why}\n--- its output ---\n${server.output()}`, {
      cause: error,
    });
  }
  const deadline = Date.now() + timeoutMs;
  while (!ready) {
    if (server.exitStatus || Date.now() > deadline)
      throw new Error(
        `${name} answered ${url} but did not print "${readyLine}" ` +
          `${server.exitStatus ? `before it exited (${JSON.stringify(server.exitStatus)})` : `within ${timeoutMs} ms`}` +
          `\n--- its output ---\n${server.output()}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (readyLine) server.child.stdout.off('data', watch);
  return `http://127.0.0.1:${port}`;
}
