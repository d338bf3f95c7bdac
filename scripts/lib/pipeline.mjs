// The steps of `npm test`: named stages, plain checks, a Vitest tier with JSON counts, the summary.
import path from 'node:path';
import process from 'node:process';
import { rmSync } from 'node:fs';
import { colour, info, step } from './log.mjs';
import { dataDir, repoRoot } from './paths.mjs';
import { run } from './processes.mjs';
import { countVitest } from './reports.mjs';
import { vitestProjects } from './vitest-projects.mjs';
import { quietEnv } from './app.mjs';

export const reportsDir = path.join(dataDir, 'reports');
export const env = (extra = {}) => ({ ...process.env, ...quietEnv, ...extra });
const results = [];

const formatCounts = ({ passed, failed, skipped = 0 }) =>
  `${passed} passed, ${failed} failed, ${skipped} skipped`;

export async function stage(name, fn) {
  console.log(`\n${colour('bold', colour('blue', `━━ ${name}`))}`);
  const started = Date.now();
  const result = await fn();
  results.push({ name, seconds: Math.round((Date.now() - started) / 1000), ...result });
}

/** A check without test counts: one failure when it fails. */
export async function check(command, args, extraEnv) {
  const code = await run(command, args, { env: env(extraEnv) });
  return {
    ok: code === 0,
    passed: 0,
    failed: code === 0 ? 0 : 1,
    note: code === 0 ? 'ok' : `exit ${code}`,
  };
}

/**
 * Runs one tier (`unit` or `int`) of the root vitest.config.mjs: every project of that tier in one
 * Vitest run, with a JSON report; prints the counts of each project (suite) and sums them.
 */
export async function vitestTier(tier, extraEnv) {
  const projects = vitestProjects().filter((project) => project.tier === tier);
  const report = path.join(reportsDir, `${tier}.json`);
  rmSync(report, { force: true });
  const pattern = `${tier} *`;
  step(`vitest --project '${pattern}': ${projects.map((p) => p.name).join(', ')}`);
  const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const code = await run('npx', ['vitest', 'run', '--project', pattern, ...reporters], {
    env: env(extraEnv),
  });
  const counts = countVitest(report, projects, repoRoot);
  const width = Math.max(0, ...projects.map((p) => p.name.length));
  for (const suite of counts?.suites ?? [])
    info(`${suite.name.padEnd(width)}  ${formatCounts(suite)}`);
  return tierOutcome(code, counts, projects.length);
}

/**
 * A tier's stage result from Vitest's exit code and the report's counts. A suite that ran nothing
 * has lost its files (a moved folder, a broken include pattern), so it fails the tier.
 */
export function tierOutcome(code, counts, projectCount) {
  const { passed, skipped, suites } = counts ?? { passed: 0, skipped: 0, suites: [] };
  let failed = counts?.failed ?? 0;
  const notes = [`${projectCount} suites`];
  const empty = suites.filter((suite) => suite.passed + suite.failed + suite.skipped === 0);
  if (empty.length > 0) {
    failed += empty.length;
    notes.push(`no tests in ${empty.map((suite) => suite.name).join(', ')}`);
  }
  if (code !== 0 && failed === 0) {
    failed = 1;
    notes.push(`vitest exit ${code} without failed tests`);
  }
  return { ok: code === 0 && empty.length === 0, passed, failed, skipped, note: notes.join('; ') };
}

/**
 * Prints the stage table and, as the very last line, `tests: N passed, N failed, N skipped` (CI
 * reads the `N passed, N failed` prefix); sets the exit code.
 */
export function printSummary() {
  console.log(`\n${colour('bold', 'Summary')}`);
  for (const { name, ok, passed, failed, skipped, seconds, note } of results) {
    const mark = ok ? colour('green', '✔') : colour('red', '✖');
    const counts =
      passed || failed || skipped ? ` ${formatCounts({ passed, failed, skipped })}` : '';
    console.log(
      `  ${mark} ${name.padEnd(10)} ${String(seconds).padStart(4)}s${counts}  ${colour('grey', note)}`,
    );
  }
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  const skipped = results.reduce((sum, result) => sum + (result.skipped ?? 0), 0);
  const broken = results.some((result) => !result.ok);
  if (failed > 0 || broken) process.exitCode = 1;
  console.log(`tests: ${formatCounts({ passed, failed: failed || (broken ? 1 : 0), skipped })}`);
}

/** Records a failure that kept the stages from running at all. */
export function recordSetupFailure() {
  results.push({
    name: 'setup',
    ok: false,
    passed: 0,
    failed: 1,
    seconds: 0,
    note: 'could not run the checks',
  });
}
