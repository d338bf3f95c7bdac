// The production API build: rebuilt only when a source it bundles is newer than `apps/api/dist/main.js`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
export function buildApiIfNeeded({ force = false } = {}) {
  if (!force && existsSync(apiEntry) && statSync(apiEntry).mtimeMs >= sourcesMtime())
    return 'up to date';
  try {
    execFileSync('npm', ['run', 'build', '-w', '@shop/api'], {
      cwd: repoRoot,
      stdio: 'pipe',
      encoding: 'utf8',
    });
  } catch (error) {
    throw new Error(`\`npm run build -w @shop/api\` failed:\n${error.stdout}${error.stderr}`, {
      cause: error,
    });
  }
  if (!existsSync(apiEntry))
    throw new Error('`npm run build -w @shop/api` did not produce apps/api/dist/main.js');
  return 'built';
}
