// What `npm run lint` and the lint stage of `npm test` check, in this order; each check runs even
// when an earlier one failed. The dependency check fails on any import that crosses a boundary
// between the services (API, worker, card processor, the event contract packages) or breaks the
// API's layering.
// The event catalogue check regenerates packages/events/catalogue/ in memory (one process) and fails
// when the committed copy differs. Formatting is checked, not hoped for: `prettier --check .` fails
// on any file that `npx prettier --write` would change (ignored: .gitignore and .prettierignore).
import path from 'node:path';
import { binDir } from './paths.mjs';

const bin = (name) => path.join(binDir, name);

/** What the dependency check reads: the sources of every service and of each package with rules of its own. */
const cruised = [
  'apps/api/src',
  'apps/worker/src',
  'apps/card-processor/src',
  'packages/domain/src',
  'packages/events/src',
  'packages/event-bus/src',
];

export const lintChecks = [
  {
    label: 'eslint in every workspace: turbo run lint',
    command: bin('turbo'),
    args: ['run', 'lint', '--continue', '--output-logs=new-only'],
  },
  {
    // The shared config keeps type-aware parsing off for these plain .mjs files (no tsconfig).
    label: 'eslint scripts and the root config files',
    command: bin('eslint'),
    args: ['scripts', '*.mjs'],
  },
  {
    // The service boundaries, the API's layers and the domain package's boundaries (rules and their
    // reasons: .dependency-cruiser.cjs). Each service's and contract package's sources are cruised.
    label: `service boundaries and layers: dependency-cruiser over ${cruised.join(', ')}`,
    command: bin('depcruise'),
    args: [...cruised, '--config', '.dependency-cruiser.cjs'],
  },
  {
    // The catalogue is generated from the event declarations; a stale copy misleads its readers.
    label: 'event catalogue: packages/events/catalogue is what npm run events:catalogue writes',
    command: bin('tsx'),
    args: ['packages/events/scripts/catalogue.ts', '--check'],
  },
  { label: 'formatting: prettier --check .', command: bin('prettier'), args: ['--check', '.'] },
];

/** Runs every check with `check(command, args)` ({ ok, failed }); one failure per failed check. */
export async function lint(check, step) {
  const results = [];
  for (const { label, command, args } of lintChecks) {
    step(label);
    results.push(await check(command, args));
  }
  const failed = results.filter((result) => !result.ok).length;
  return {
    ok: failed === 0,
    passed: 0,
    failed,
    note: failed ? `${failed} of ${results.length} checks failed` : 'ok',
  };
}
