// The production API build: rebuilt only when a source it bundles is newer than `apps/api/dist/main.js`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { capture } from '../lib/processes.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const apiEntry = join(repoRoot, 'apps/api/dist/main.js');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'node_modules' && name !== 'dist')
    .reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

function sourcesMtime() {
  const packages = readdirSync(join(repoRoot, 'packages')).map((name) =>
    join(repoRoot, 'packages', name),
  );
  const inputs = [join(repoRoot, 'apps/api'), ...packages, join(repoRoot, 'package-lock.json')];
  return Math.max(...inputs.map(newestMtime));
}

/** Returns what it did, for the report: "built" or "up to date". */
export async function buildApiIfNeeded({ force = false } = {}) {
  if (!force && existsSync(apiEntry) && statSync(apiEntry).mtimeMs >= sourcesMtime())
    return 'up to date';
  const build = await capture('npm', ['run', 'build', '-w', '@shop/api'], { cwd: repoRoot });
  if (build.code !== 0)
    throw new Error(`\`npm run build -w @shop/api\` failed:\n${build.stdout}${build.stderr}`);
  if (!existsSync(apiEntry))
    throw new Error('`npm run build -w @shop/api` did not produce apps/api/dist/main.js');
  return 'built';
}
