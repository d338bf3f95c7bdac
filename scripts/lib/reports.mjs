// Test counts from the JSON reports of Vitest and Playwright.
import { existsSync, readFileSync } from 'node:fs';

/** { passed, failed } from a Vitest JSON report; files that failed to load count as one failure each. */
export function countVitest(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const brokenFiles = (report.testResults ?? []).filter(
    (result) => result.status === 'failed' && (result.assertionResults ?? []).length === 0,
  ).length;
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + brokenFiles };
}

/** { passed, failed } from a Playwright JSON report (flaky tests passed on a retry). */
export function countPlaywright(file) {
  if (!existsSync(file)) return null;
  const { stats = {}, errors = [] } = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (stats.unexpected ? 0 : errors.length),
  };
}
