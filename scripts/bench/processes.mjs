// Child servers the bench starts, and the guarantee that it stops them: on success, on error and on Ctrl-C.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const running = new Set();
const cleanups = [];

/** Start `node <script>` with extra env; its output is kept and shown only if it dies or fails to come up. */
export function startNode(name, script, env) {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server = { name, child, output: '', exited: null };
  const keep = (chunk) => {
    server.output = (server.output + chunk.toString()).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.on('exit', (code, signal) => {
    server.exited = { code, signal };
    running.delete(server);
  });
  running.add(server);
  return server;
}

/** Refuse a port something already listens on: the health check would otherwise talk to that server. */
export async function assertPortFree(port) {
  const inUse = await new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (listening) => {
      socket.destroy();
      resolve(listening);
    };
    socket.once('connect', () => done(true)).once('error', () => done(false));
  });
  if (inUse)
    throw new Error(
      `port ${port} is already in use; pick other ports with --port <n> (uses n, n+1, n+2)`,
    );
}

/** Poll `url` until it answers 200, or throw with the server's last output. */
export async function waitUntilHealthy(server, url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exited) break;
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(150);
  }
  const why = server.exited
    ? `exited (${JSON.stringify(server.exited)})`
    : `no 200 from ${url} within ${timeoutMs} ms`;
  throw new Error(`${server.name} did not come up: ${why}\n--- its output ---\n${server.output}`);
}

export async function stop(server) {
  if (server.exited) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  const killed = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!killed) server.child.kill('SIGKILL');
}

/** Run `fn` on the way out (after the servers are stopped), also on Ctrl-C. */
export function onCleanup(fn) {
  cleanups.push(fn);
}

let stopping = null;

export const isStopping = () => stopping !== null;

/** Stops every server, then runs the cleanups; concurrent callers (Ctrl-C and the normal end) share one run. */
export function stopAll() {
  stopping ??= (async () => {
    await Promise.all([...running].map(stop));
    while (cleanups.length) {
      try {
        await cleanups.pop()();
      } catch (error) {
        console.error(`cleanup failed: ${error.message}`);
      }
    }
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the bench servers…`);
    stopAll().finally(() => process.exit(130));
  });
}
process.once('exit', () => {
  for (const server of running) server.child.kill('SIGKILL');
});
