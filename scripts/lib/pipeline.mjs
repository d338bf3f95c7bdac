// The steps of `npm test`: named stages, plain checks, Vitest suites with JSON counts, the summary.
import path from 'node:path';
import process from 'node:process';
import { rmSync } from 'node:fs';
import { colour, step } from './log.mjs';
import { dataDir } from './paths.mjs';
import { run } from './processes.mjs';
import { countVitest } from './reports.mjs';
import { listWorkspaces } from './workspaces.mjs';
import { quietEnv } from './app.mjs';

export const reportsDir = path.join(dataDir, 'reports');
export const env = (extra = {}) => ({ ...process.env, ...quietEnv, ...extra });
const results = [];

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

/** Runs Vitest suites, adding a JSON reporter to each; sums their counts. */
export async function vitestSuites(suites, extraEnv) {
  const total = { ok: true, passed: 0, failed: 0, note: [] };
  for (const { label, command, args } of suites) {
    const report = path.join(reportsDir, `${label.replace(/[^a-z0-9]+/gi, '-')}.json`);
    rmSync(report, { force: true });
    step(label);
    const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
    const code = await run(command, [...args, ...reporters], { env: env(extraEnv) });
    const counts = countVitest(report) ?? { passed: 0, failed: 0 };
    if (code !== 0 && counts.failed === 0) {
      counts.failed = 1;
      total.note.push(`${label}: exit ${code} without failed tests`);
    }
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.ok &&= code === 0;
  }
  return { ...total, note: total.note.join('; ') || `${suites.length} suites` };
}

/** One suite per workspace that has `script`, plus the scripts' own tests. */
export function workspaceSuites(script, scriptsConfig) {
  const suites = listWorkspaces()
    .filter((workspace) => workspace.scripts[script])
    .map((workspace) => ({
      label: `${script} ${workspace.name}`,
      command: 'npm',
      args: ['run', '--silent', script, '-w', workspace.name, '--'],
    }));
  suites.push({
    label: `${script} scripts`,
    command: 'npx',
    args: ['vitest', 'run', '--config', scriptsConfig],
  });
  return suites;
}

/** Prints the stage table and, as the very last line, `tests: N passed, N failed`; sets the exit code. */
export function printSummary() {
  console.log(`\n${colour('bold', 'Summary')}`);
  for (const { name, ok, passed, failed, seconds, note } of results) {
    const mark = ok ? colour('green', '✔') : colour('red', '✖');
    const counts = passed || failed ? ` ${passed} passed, ${failed} failed` : '';
    console.log(
      `  ${mark} ${name.padEnd(10)} ${String(seconds).padStart(4)}s${counts}  ${colour('grey', note)}`,
    );
  }
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  const broken = results.some((result) => !result.ok);
  if (failed > 0 || broken) process.exitCode = 1;
  console.log(`tests: ${passed} passed, ${failed || (broken ? 1 : 0)} failed`);
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
