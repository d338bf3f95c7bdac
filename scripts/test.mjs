// `npm test`: from a fresh clone, every check in order — typecheck, lint, unit, integration,
// end-to-end — against a Postgres the script provides. Each stage runs even when an earlier one
// failed, so one run shows everything that is broken. The last line is always
// `tests: N passed, N failed`; a stage that fails without test counts (typecheck, lint, build,
// a crashed runner) counts as one failure. Exit status 1 on any failure.
//
//   npm test                      everything
//   npm test -- --only unit,int   some stages (typecheck, lint, unit, int, e2e)
//   npm test -- --skip e2e        all but some
import { mkdirSync } from 'node:fs';
import process from 'node:process';
import { colour, step, UserError } from './lib/log.mjs';
import { handleSignals, onCleanup, runCleanups, runMain } from './lib/lifecycle.mjs';
import { lint } from './lib/lint.mjs';
import { preflight } from './lib/preflight.mjs';
import {
  check,
  printSummary,
  recordSetupFailure,
  reportsDir,
  stage,
  vitestSuites,
  workspaceSuites,
} from './lib/pipeline.mjs';
import { endToEnd } from './lib/e2e.mjs';

const STAGES = ['typecheck', 'lint', 'unit', 'int', 'e2e'];

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
    if (!STAGES.includes(name))
      throw new UserError(`Unknown stage "${name}"; stages are ${STAGES.join(', ')}.`);
  return STAGES.filter((name) => (only ? only.includes(name) : true) && !skip.includes(name));
}

async function main() {
  const stages = selectedStages(process.argv.slice(2));
  await preflight();
  mkdirSync(reportsDir, { recursive: true });
  const { ensurePostgres } = await import('./lib/services.mjs');
  const postgres = await ensurePostgres({ database: 'postgres' });
  onCleanup(postgres.stop);
  const databaseUrl = postgres.url;
  const turbo = (task) =>
    check('npx', ['turbo', 'run', task, '--continue', '--output-logs=new-only']);

  if (stages.includes('typecheck')) await stage('typecheck', () => turbo('typecheck'));
  if (stages.includes('lint')) await stage('lint', () => lint(check, step));
  if (stages.includes('unit'))
    await stage('unit', () => vitestSuites(workspaceSuites('test', 'scripts/vitest.config.mjs')));
  if (stages.includes('int'))
    await stage('int', () =>
      vitestSuites(workspaceSuites('test:int', 'scripts/vitest.int.config.mjs'), {
        DATABASE_URL: databaseUrl,
      }),
    );
  if (stages.includes('e2e')) await stage('e2e', () => endToEnd(databaseUrl));
}

await runMain(async () => {
  handleSignals();
  try {
    await main();
  } catch (error) {
    console.error(error instanceof UserError ? colour('red', '✖ ') + error.message : error);
    recordSetupFailure();
  } finally {
    await runCleanups();
    printSummary();
  }
});
