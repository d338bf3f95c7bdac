// `npm test`: from a fresh clone, every check in order — typecheck, lint, unit, integration,
// end-to-end — against a Postgres the script provides. Each stage runs even when an earlier one
// failed, so one run shows everything that is broken. The last line is always
// `tests: N passed, N failed`; a stage that fails without test counts (typecheck, lint, build,
// a crashed runner) counts as one failure. Exit status 1 on any failure.
//
//   npm test                      everything
//   npm test -- --only unit,int   some stages (typecheck, lint, unit, int, e2e)
//   npm test -- --skip e2e        all but some
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { colour, step, UserError } from './lib/log.mjs';
import { handleSignals, onCleanup, runCleanups, runMain } from './lib/lifecycle.mjs';
import { dataDir } from './lib/paths.mjs';
import { ensurePortsFree, preflight } from './lib/preflight.mjs';
import { run } from './lib/run.mjs';
import { listWorkspaces } from './lib/workspaces.mjs';
import { countPlaywright, countVitest } from './lib/reports.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { quietEnv } from './lib/app.mjs';

const STAGES = ['typecheck', 'lint', 'unit', 'int', 'e2e'];
const E2E_API_PORT = 4100;
const E2E_WEB_PORT = 3100;
const reportsDir = path.join(dataDir, 'reports');

function selectedStages(argv) {
  const value = (flag) => {
    const index = argv.findIndex((arg) => arg === flag || arg.startsWith(`${flag}=`));
    if (index === -1) return null;
    const raw = argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1];
    return (raw ?? '').split(',').filter(Boolean);
  };
  const only = value('--only');
  const skip = value('--skip') ?? [];
  for (const name of [...(only ?? []), ...skip])
    if (!STAGES.includes(name)) throw new UserError(`Unknown stage "${name}"; stages are ${STAGES.join(', ')}.`);
  return STAGES.filter((name) => (only ? only.includes(name) : true) && !skip.includes(name));
}

const env = (extra = {}) => ({ ...process.env, ...quietEnv, ...extra });
const results = [];

async function stage(name, fn) {
  console.log(`\n${colour('bold', colour('blue', `━━ ${name}`))}`);
  const started = Date.now();
  const result = await fn();
  results.push({ name, seconds: Math.round((Date.now() - started) / 1000), ...result });
}

/** A check without test counts: one failure when it fails. */
async function check(command, args, extraEnv) {
  const code = await run(command, args, { env: env(extraEnv) });
  return { ok: code === 0, passed: 0, failed: code === 0 ? 0 : 1, note: code === 0 ? 'ok' : `exit ${code}` };
}

/** Runs Vitest suites, adding a JSON reporter to each; sums their counts. */
async function vitestSuites(suites, extraEnv) {
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

function workspaceSuites(script, scriptsConfig) {
  const suites = listWorkspaces()
    .filter((workspace) => workspace.scripts[script])
    .map((workspace) => ({
      label: `${script} ${workspace.name}`,
      command: 'npm',
      args: ['run', '--silent', script, '-w', workspace.name, '--'],
    }));
  suites.push({ label: `${script} scripts`, command: 'npx', args: ['vitest', 'run', '--config', scriptsConfig] });
  return suites;
}

async function endToEnd(databaseUrl) {
  const browser = await ensureChromium();
  if (browser.error) {
    console.error(colour('red', '✖ ') + browser.error);
    return { ok: false, passed: 0, failed: 1, note: 'no Chromium' };
  }
  step(`Browser: ${browser.path}`);
  try {
    await ensurePortsFree({ [E2E_API_PORT]: 'the e2e API', [E2E_WEB_PORT]: 'the e2e web app' });
  } catch (error) {
    console.error(colour('red', '✖ ') + error.message);
    return { ok: false, passed: 0, failed: 1, note: 'port in use' };
  }
  step('Production build of api and web (cached when nothing changed): turbo run build');
  const build = await run('npx', ['turbo', 'run', 'build', '--filter=@shop/api', '--filter=@shop/web', '--output-logs=new-only'], { env: env() });
  if (build !== 0) return { ok: false, passed: 0, failed: 1, note: 'build failed' };
  const report = path.join(reportsDir, 'e2e.json');
  rmSync(report, { force: true });
  step('Playwright: apps/web/e2e');
  const code = await run('npx', ['playwright', 'test', '--config', 'apps/web/playwright.config.ts', '--forbid-only'], {
    env: env({
      DATABASE_URL: databaseUrl,
      E2E_API_PORT: String(E2E_API_PORT),
      E2E_WEB_PORT: String(E2E_WEB_PORT),
      E2E_JSON_REPORT: report,
      E2E_CHROMIUM: browser.path,
    }),
  });
  const counts = countPlaywright(report) ?? { passed: 0, failed: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return { ok: code === 0, ...counts, note: code === 0 ? 'ok' : `exit ${code} (traces: apps/web/test-results)` };
}

function printSummary() {
  console.log(`\n${colour('bold', 'Summary')}`);
  for (const { name, ok, passed, failed, seconds, note } of results) {
    const mark = ok ? colour('green', '✔') : colour('red', '✖');
    const counts = passed || failed ? ` ${passed} passed, ${failed} failed` : '';
    console.log(`  ${mark} ${name.padEnd(10)} ${String(seconds).padStart(4)}s${counts}  ${colour('grey', note)}`);
  }
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  const broken = results.some((result) => !result.ok);
  if (failed > 0 || broken) process.exitCode = 1;
  console.log(`tests: ${passed} passed, ${failed || (broken ? 1 : 0)} failed`);
}

async function main() {
  const stages = selectedStages(process.argv.slice(2));
  await preflight();
  mkdirSync(reportsDir, { recursive: true });
  const { ensurePostgres } = await import('./lib/services.mjs');
  const postgres = await ensurePostgres({ database: 'postgres' });
  onCleanup(postgres.stop);
  const databaseUrl = postgres.url;
  const turbo = (task) => check('npx', ['turbo', 'run', task, '--continue', '--output-logs=new-only']);

  if (stages.includes('typecheck')) await stage('typecheck', () => turbo('typecheck'));
  if (stages.includes('lint'))
    await stage('lint', async () => {
      const workspaces = await turbo('lint');
      step('eslint scripts');
      // The shared config keeps type-aware parsing on for .mjs; these plain scripts have no tsconfig.
      const scripts = await check('npx', ['eslint', '--parser-options=projectService:false', 'scripts']);
      return { ...scripts, ok: workspaces.ok && scripts.ok, failed: workspaces.failed + scripts.failed };
    });
  if (stages.includes('unit'))
    await stage('unit', () => vitestSuites(workspaceSuites('test', 'scripts/vitest.config.mjs')));
  if (stages.includes('int'))
    await stage('int', () =>
      vitestSuites(workspaceSuites('test:int', 'scripts/vitest.int.config.mjs'), { DATABASE_URL: databaseUrl }),
    );
  if (stages.includes('e2e')) await stage('e2e', () => endToEnd(databaseUrl));
}

await runMain(async () => {
  handleSignals();
  try {
    await main();
  } catch (error) {
    console.error(error instanceof UserError ? colour('red', '✖ ') + error.message : error);
    results.push({ name: 'setup', ok: false, passed: 0, failed: 1, seconds: 0, note: 'could not run the checks' });
  } finally {
    await runCleanups();
    printSummary();
  }
});
