// Checks that run before anything else: Node version, installed dependencies, the generated
// Prisma client, free ports. Only node: built-ins here — this runs before `npm ci`.
import { existsSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import process from 'node:process';
import { UserError, step } from './log.mjs';
import { capture, run } from './processes.mjs';
import { repoRoot } from './paths.mjs';

export const MINIMUM_NODE = '20.19.0';

function parseVersion(version) {
  return version
    .replace(/^v/, '')
    .split('.')
    .map((part) => Number.parseInt(part, 10) || 0);
}

/** Compares a Node version with the minimum; returns { ok, message }. */
export function checkNodeVersion(version = process.version) {
  const [major = 0, minor = 0, patch = 0] = parseVersion(version);
  const [needMajor, needMinor, needPatch] = parseVersion(MINIMUM_NODE);
  const ok =
    major !== needMajor
      ? major > needMajor
      : minor !== needMinor
        ? minor > needMinor
        : patch >= needPatch;
  if (ok) return { ok, message: `Node ${version}` };
  return {
    ok,
    message:
      `Node ${version.replace(/^v/, '')} found, but this project needs Node ${MINIMUM_NODE} or newer. ` +
      'Install Node 20 LTS (20.19+) — e.g. `nvm install` (reads .nvmrc) or https://nodejs.org — and run the command again.',
  };
}

function mtime(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

/** Why dependencies need installing, or null when node_modules is current. */
export function dependencyState(root = repoRoot) {
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(path.join(root, 'node_modules'))) return 'missing';
  if (!existsSync(installed)) return 'incomplete';
  if (mtime(path.join(root, 'package-lock.json')) > mtime(installed)) return 'stale';
  return null;
}

export async function ensureDependencies(root = repoRoot) {
  const state = dependencyState(root);
  if (!state) return;
  const hasLock = existsSync(path.join(root, 'package-lock.json'));
  const args = state === 'missing' && hasLock ? ['ci'] : ['install'];
  step(`Installing dependencies (node_modules ${state}): npm ${args[0]}`);
  const code = await run('npm', [...args, '--no-audit', '--no-fund'], { cwd: root });
  if (code !== 0)
    throw new UserError(`npm ${args[0]} failed (exit ${code}); see the npm output above.`);
}

/** Generates the Prisma client when it is missing or older than the schema. */
export async function ensurePrismaClient(root = repoRoot) {
  const schema = path.join(root, 'packages/db/prisma/schema.prisma');
  const client = path.join(root, 'packages/db/src/generated/prisma/client.ts');
  if (existsSync(client) && mtime(client) >= mtime(schema)) return;
  step('Generating the Prisma client: npm run db:generate');
  const code = await run('npm', ['run', '--silent', 'db:generate'], { cwd: root });
  if (code !== 0)
    throw new UserError(`npm run db:generate failed (exit ${code}); see the output above.`);
}

/** Resolves true when something already listens on the port (any local address). */
export function isPortInUse(port, host) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(true);
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT') resolve(false);
      else reject(error);
    });
    server.once('listening', () => server.close(() => resolve(false)));
    server.listen({ port, host, exclusive: true });
  });
}

/** Best effort: "node (pid 123)" for the process listening on a port, from `ss`. */
async function portOwner(port) {
  const { code, stdout } = await capture('ss', ['-ltnpH', `sport = :${port}`]);
  if (code !== 0) return null;
  const match = /users:\(\("([^"]+)",pid=(\d+)/.exec(stdout);
  return match ? `${match[1]} (pid ${match[2]})` : null;
}

export async function portInUseMessage(port, purpose) {
  const owner = await portOwner(port);
  return (
    `Port ${port} (${purpose}) is already in use${owner ? ` by ${owner}` : ''}. ` +
    `Find the process with \`ss -ltnp 'sport = :${port}'\` or \`lsof -iTCP:${port} -sTCP:LISTEN\`, stop it, and run the command again.`
  );
}

/** Throws a UserError naming the first busy port and how to find its process. */
export async function ensurePortsFree(ports) {
  for (const [port, purpose] of Object.entries(ports)) {
    const busy =
      (await isPortInUse(Number(port), '127.0.0.1')) || (await isPortInUse(Number(port)));
    if (busy) throw new UserError(await portInUseMessage(port, purpose));
  }
}

/** Node version, dependencies and the Prisma client; exits with one clear line on failure. */
export async function preflight() {
  const node = checkNodeVersion();
  if (!node.ok) throw new UserError(node.message);
  await ensureDependencies();
  await ensurePrismaClient();
}
