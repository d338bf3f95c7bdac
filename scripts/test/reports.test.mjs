// Test counts of `npm test`: one Vitest run per tier, split back into one count per suite.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/paths.mjs';
import { tierOutcome } from '../lib/pipeline.mjs';
import { countPlaywright, countVitest } from '../lib/reports.mjs';
import { vitestProjects } from '../lib/vitest-projects.mjs';

const dir = mkdtempSync(path.join(os.tmpdir(), 'shop-reports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vitestProjects', () => {
  it('has a unit and an int project for the scripts and for each workspace with such a config', () => {
    const projects = vitestProjects();
    const names = projects.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['unit scripts', 'int scripts', 'unit @shop/db']));
    expect(names).toContain('int @shop/db');
    expect(projects.find((p) => p.name === 'int scripts')).toEqual({
      name: 'int scripts',
      tier: 'int',
      dir: 'scripts',
      config: 'scripts/vitest.int.config.mjs',
    });
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('countVitest', () => {
  it('sums a tier and splits it by suite; a file that failed to load is one failure', () => {
    const file = path.join(dir, 'unit.json');
    const result = (name, ...statuses) => ({
      name: path.join(repoRoot, name),
      status: statuses.includes('failed') || !statuses.length ? 'failed' : 'passed',
      assertionResults: statuses.map((status) => ({ status })),
    });
    writeFileSync(
      file,
      JSON.stringify({
        testResults: [
          result('packages/db/src/a.test.ts', 'passed', 'passed'),
          result('packages/db-tools/src/b.test.ts', 'passed'),
          result('scripts/test/c.test.mjs', 'passed', 'failed', 'skipped'),
          result('scripts/test/broken.test.mjs'),
        ],
      }),
    );
    const projects = [
      { name: 'unit @shop/db', dir: 'packages/db' },
      { name: 'unit @shop/db-tools', dir: 'packages/db-tools' },
      { name: 'unit scripts', dir: 'scripts' },
    ];
    expect(countVitest(file, projects, repoRoot)).toEqual({
      passed: 4,
      failed: 2,
      skipped: 1,
      suites: [
        { name: 'unit @shop/db', passed: 2, failed: 0, skipped: 0 },
        { name: 'unit @shop/db-tools', passed: 1, failed: 0, skipped: 0 },
        { name: 'unit scripts', passed: 1, failed: 2, skipped: 1 },
      ],
    });
    expect(countVitest(path.join(dir, 'missing.json'))).toBeNull();
  });
});

describe('countPlaywright', () => {
  it('counts flaky tests as passed and reports the skipped ones', () => {
    const file = path.join(dir, 'e2e.json');
    writeFileSync(
      file,
      JSON.stringify({ stats: { expected: 3, flaky: 1, unexpected: 0, skipped: 2 } }),
    );
    expect(countPlaywright(file)).toEqual({ passed: 4, failed: 0, skipped: 2 });
  });
});

describe('tierOutcome', () => {
  const suite = (name, passed, failed = 0, skipped = 0) => ({ name, passed, failed, skipped });

  it('passes a tier whose every suite ran tests, skipped ones included', () => {
    const counts = {
      passed: 3,
      failed: 0,
      skipped: 1,
      suites: [suite('unit a', 3), suite('unit b', 0, 0, 1)],
    };
    expect(tierOutcome(0, counts, 2)).toEqual({
      ok: true,
      passed: 3,
      failed: 0,
      skipped: 1,
      note: '2 suites',
    });
  });

  it('fails a tier with a suite that ran no tests, even when Vitest exits 0', () => {
    const counts = {
      passed: 3,
      failed: 0,
      skipped: 0,
      suites: [suite('unit a', 3), suite('unit b', 0)],
    };
    expect(tierOutcome(0, counts, 2)).toEqual({
      ok: false,
      passed: 3,
      failed: 1,
      skipped: 0,
      note: '2 suites; no tests in unit b',
    });
  });

  it('counts one failure when Vitest fails without a report', () => {
    expect(tierOutcome(1, null, 2)).toMatchObject({ ok: false, passed: 0, failed: 1 });
  });
});
