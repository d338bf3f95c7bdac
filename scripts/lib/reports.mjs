// Test counts from the JSON reports of Vitest and Playwright.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const skippedStatuses = new Set(['skipped', 'pending', 'todo']);

/**
 * { passed, failed, skipped, suites } from a Vitest JSON report; a file that failed to load counts
 * as one failure, `.skip` and `.todo` tests count as skipped. `suites` splits the counts by project:
 * each test file belongs to the project whose directory (relative to `root`) holds it.
 * @param {string} file
 * @param {{ name: string, dir: string }[]} [projects]
 * @param {string} [root]
 */
export function countVitest(file, projects = [], root = '/') {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const suites = projects.map(({ name, dir }) => ({
    name,
    dir: path.resolve(root, dir) + path.sep,
    passed: 0,
    failed: 0,
    skipped: 0,
  }));
  const byDepth = [...suites].sort((a, b) => b.dir.length - a.dir.length);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const result of report.testResults ?? []) {
    const assertions = result.assertionResults ?? [];
    const ok = assertions.filter((a) => a.status === 'passed').length;
    const bad =
      assertions.filter((a) => a.status === 'failed').length +
      (result.status === 'failed' && assertions.length === 0 ? 1 : 0);
    const idle = assertions.filter((a) => skippedStatuses.has(a.status)).length;
    passed += ok;
    failed += bad;
    skipped += idle;
    const suite = byDepth.find(({ dir }) => result.name?.startsWith(dir));
    if (suite) {
      suite.passed += ok;
      suite.failed += bad;
      suite.skipped += idle;
    }
  }
  return {
    passed,
    failed,
    skipped,
    suites: suites.map(({ name, passed, failed, skipped }) => ({ name, passed, failed, skipped })),
  };
}

/** { passed, failed, skipped } from a Playwright JSON report (flaky tests passed on a retry). */
export function countPlaywright(file) {
  if (!existsSync(file)) return null;
  const { stats = {}, errors = [] } = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (stats.unexpected ? 0 : errors.length),
    skipped: stats.skipped ?? 0,
  };
}
