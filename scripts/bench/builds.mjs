// The production builds a bench runs in this checkout: the API's `apps/api/dist/main.js` and, from stage 4
// on (when `apps/worker` exists), the worker's and the card processor's `dist/main.js`. Each is rebuilt only
// when a source it bundles (its app, any workspace package, the lockfile) is newer than its build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capture } from '../lib/processes.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const apiEntry = join(repoRoot, 'apps/api/dist/main.js');

/** The workspaces a stage's checkout runs, by the folder they live in. */
export const workspaces = {
  api: { name: '@shop/api', dir: 'apps/api' },
  worker: { name: '@shop/worker', dir: 'apps/worker' },
  cardProcessor: { name: '@shop/card-processor', dir: 'apps/card-processor' },
};

/** `<checkout>/<app>/dist/main.js`. */
export const entryIn = (checkout, workspace) => join(checkout, workspace.dir, 'dist/main.js');

/** Stage 4 on: the checkout has a payment service (`apps/worker`) that checkout depends on. */
export const hasWorker = (checkout) => existsSync(join(checkout, workspaces.worker.dir));

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'node_modules' && name !== 'dist')
    .reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

function sourcesMtime(workspace) {
  const packages = readdirSync(join(repoRoot, 'packages')).map((name) =>
    join(repoRoot, 'packages', name),
  );
  const inputs = [join(repoRoot, workspace.dir), ...packages, join(repoRoot, 'package-lock.json')];
  return Math.max(...inputs.map(newestMtime));
}

/** Builds one workspace of this checkout unless its build is newer than its sources: "built" or "up to date". */
export async function buildIfNeeded(workspace, { force = false } = {}) {
  const entry = entryIn(repoRoot, workspace);
  if (!force && existsSync(entry) && statSync(entry).mtimeMs >= sourcesMtime(workspace))
    return 'up to date';
  const build = await capture('npm', ['run', 'build', '-w', workspace.name], { cwd: repoRoot });
  if (build.code !== 0)
    throw new Error(
      `\`npm run build -w ${workspace.name}\` failed:\n${build.stdout}${build.stderr}`,
    );
  if (!existsSync(entry))
    throw new Error(
      `\`npm run build -w ${workspace.name}\` did not produce ${workspace.dir}/dist/main.js`,
    );
  return 'built';
}

/** Returns what it did, for the report: "built" or "up to date". */
export const buildApiIfNeeded = (options) => buildIfNeeded(workspaces.api, options);

/**
 * The worker and the card processor of this checkout, built when needed (stage 4 on); null before
 * stage 4. Returns { worker, cardProcessor } with what was done to each.
 */
export async function buildPaymentServicesIfNeeded(options) {
  if (!hasWorker(repoRoot)) return null;
  return {
    worker: await buildIfNeeded(workspaces.worker, options),
    cardProcessor: await buildIfNeeded(workspaces.cardProcessor, options),
  };
}
