// Stage checkouts for `npm run bench:stages`: each commit in its own detached git worktree under the
// git-ignored .data/stages/<commit>, with its own dependencies (`npm ci`), Prisma client and production
// API build (from stage 4 on also the worker's and the card processor's), made once per commit. A marker (.data/stages/<commit>.built.json) records a build that
// finished; without it (an interrupted install, a failed build) the next run does the steps again.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { dataDir, repoRoot } from '../lib/paths.mjs';
import { capture } from '../lib/processes.mjs';
import { entryIn, hasWorker, workspaces } from './builds.mjs';

export const stagesDir = path.join(dataDir, 'stages');
export const apiEntryIn = (dir) => path.join(dir, 'apps/api/dist/main.js');
const markerOf = (commit) => path.join(stagesDir, `${commit}.built.json`);
const relative = (file) => path.relative(repoRoot, file) || '.';

/**
 * The environment for commands run in another checkout: without what `npm run` exported about this
 * one (its package, its prefix, the lifecycle), which would point npm back at this checkout.
 */
export function checkoutEnv(extra = {}) {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !/^npm_(package_|lifecycle_|command$|config_local_prefix$)/i.test(key) &&
        key !== 'INIT_CWD',
    ),
  );
  return { ...env, ...extra };
}

const tail = (text, lines = 40) => text.trimEnd().split('\n').slice(-lines).join('\n');

async function git(args) {
  const result = await capture('git', args, { cwd: repoRoot });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout.trim();
}

/** Runs one step in `cwd`; its output is shown only when it fails. Returns the milliseconds it took. */
async function step(cwd, command, args, log) {
  const line = `${command} ${args.join(' ')}`;
  log(`  ${relative(cwd)}: ${line}`);
  const started = performance.now();
  const result = await capture(command, args, { cwd, env: checkoutEnv() });
  if (result.code !== 0)
    throw new Error(
      `\`${line}\` in ${relative(cwd)} failed (exit ${result.code}):\n${tail(result.stdout + result.stderr)}`,
    );
  return Math.round(performance.now() - started);
}

function readMarker(commit) {
  try {
    return JSON.parse(readFileSync(markerOf(commit), 'utf8'));
  } catch {
    return null;
  }
}

/** .data/ must be ignored, or every worktree (and its node_modules) would show up in `git status`. */
async function assertIgnored() {
  const probe = path.join(stagesDir, 'probe');
  const result = await capture('git', ['check-ignore', '-q', probe], { cwd: repoRoot });
  if (result.code !== 0)
    throw new Error(`${relative(stagesDir)} is not git-ignored; add .data/ to .gitignore first`);
}

/** A worktree at exactly `commit` in `dir`: reused when it is there, else added (after pruning stale ones). */
async function ensureWorktree(dir, commit, log) {
  if (existsSync(dir)) {
    const head = await capture('git', ['rev-parse', 'HEAD'], { cwd: dir });
    if (head.code === 0 && head.stdout.trim() === commit) return;
    throw new Error(
      `${relative(dir)} exists but is not a worktree at ${commit.slice(0, 7)}; ` +
        `remove it with \`git worktree remove --force ${relative(dir)}\` and run again`,
    );
  }
  mkdirSync(stagesDir, { recursive: true });
  await git(['worktree', 'prune']);
  log(`  git worktree add --detach ${relative(dir)} ${commit.slice(0, 7)}`);
  await git(['worktree', 'add', '--detach', '--quiet', dir, commit]);
}

/**
 * The checkout of `commit` with its API built: { dir, apiEntry, build } where build says
 * "cached (built <date>)" or "built in <n> s". The first install in a worktree takes minutes; `force`
 * installs and builds again even when the marker says it was done.
 */
export async function prepareStageCheckout({ commit, name, log, force = false }) {
  const dir = path.join(stagesDir, commit);
  const apiEntry = apiEntryIn(dir);
  const marker = readMarker(commit);
  const nodeMajor = process.versions.node.split('.')[0];
  // Stage 4 on: checkout needs the payment service and the card processor too.
  const paymentBuilt = () =>
    !hasWorker(dir) ||
    [workspaces.worker, workspaces.cardProcessor].every((w) => existsSync(entryIn(dir, w)));
  if (
    !force &&
    marker?.ok &&
    marker.nodeMajor === nodeMajor &&
    existsSync(apiEntry) &&
    paymentBuilt()
  )
    return { dir, apiEntry, build: `cached (built ${marker.builtAt})` };

  await assertIgnored();
  log(
    `${name}: preparing ${relative(dir)} (npm ci and a build; the first time takes a few minutes)`,
  );
  const started = performance.now();
  rmSync(markerOf(commit), { force: true });
  await ensureWorktree(dir, commit, log);
  const steps = {
    installMs: await step(dir, 'npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], log),
    generateMs: await step(dir, 'npm', ['run', '--silent', 'db:generate'], log),
    buildMs: await step(dir, 'npm', ['run', 'build', '-w', '@shop/api'], log),
  };
  if (!existsSync(apiEntry))
    throw new Error(`\`npm run build -w @shop/api\` did not produce ${relative(apiEntry)}`);
  if (hasWorker(dir)) {
    for (const [key, workspace] of [
      ['workerBuildMs', workspaces.worker],
      ['cardProcessorBuildMs', workspaces.cardProcessor],
    ])
      steps[key] = await step(dir, 'npm', ['run', 'build', '-w', workspace.name], log);
    if (!paymentBuilt())
      throw new Error(
        `building the worker and the card processor in ${relative(dir)} left no dist/main.js`,
      );
  }
  const seconds = Math.round((performance.now() - started) / 1000);
  writeFileSync(
    markerOf(commit),
    `${JSON.stringify({ ok: true, commit, builtAt: new Date().toISOString(), node: process.version, nodeMajor, ...steps }, null, 2)}\n`,
  );
  return { dir, apiEntry, build: `built in ${seconds} s` };
}
