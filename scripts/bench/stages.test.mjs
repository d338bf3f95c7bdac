import { describe, expect, it } from 'vitest';
import {
  WORKING_TREE,
  databaseNameFor,
  median,
  planStages,
  schedule,
  stagesTable,
  summarize,
} from './stages.mjs';

const tags = [
  { tag: 'stage-1-mvc', commit: 'aaa' },
  { tag: 'stage-2-layered', commit: 'bbb' },
];
const names = (plan) => plan.stages.map((s) => s.name);

describe('planStages', () => {
  it('measures every tag and then the working tree', () => {
    const plan = planStages({ tags, head: { commit: 'ccc', clean: false } });
    expect(names(plan)).toEqual(['stage-1-mvc', 'stage-2-layered', WORKING_TREE]);
    expect(plan.stages.at(-1)).toMatchObject({ commit: 'ccc', inPlace: true, dirty: true });
    expect(plan.stages[0]).toMatchObject({ commit: 'aaa', inPlace: false });
  });

  it('leaves the working tree out when it is exactly a tagged commit', () => {
    expect(names(planStages({ tags, head: { commit: 'bbb', clean: true } }))).toEqual([
      'stage-1-mvc',
      'stage-2-layered',
    ]);
    // Uncommitted changes on the tagged commit are something else: measure them.
    expect(names(planStages({ tags, head: { commit: 'bbb', clean: false } }))).toHaveLength(3);
    // A clean checkout of a commit no tag names is measured too.
    expect(names(planStages({ tags, head: { commit: 'ccc', clean: true } }))).toHaveLength(3);
  });

  it('takes --stages in the order given, with HEAD for the working tree; other names are unknown', () => {
    const plan = planStages({
      tags,
      head: { commit: 'bbb', clean: true },
      pick: ['HEAD', 'stage-1-mvc', 'stage-1-mvc', 'main~3'],
    });
    expect(names(plan)).toEqual([WORKING_TREE, 'stage-1-mvc']);
    expect(plan.unknown).toEqual(['main~3']);
  });

  it('measures no tags when there are none, only the working tree', () => {
    expect(names(planStages({ tags: [], head: { commit: 'ccc', clean: true } }))).toEqual([
      WORKING_TREE,
    ]);
  });
});

describe('databaseNameFor', () => {
  it('makes a plain identifier per stage', () => {
    expect(databaseNameFor('stage-1-mvc')).toBe('shop_bench_stage_1_mvc');
    expect(databaseNameFor(WORKING_TREE)).toBe('shop_bench_working_tree');
    expect(databaseNameFor('main~3')).toBe('shop_bench_main_3');
    expect(databaseNameFor('x'.repeat(100))).toHaveLength(63);
  });
});

describe('schedule', () => {
  it('interleaves: per round the references once, then each scenario on every stage in turn', () => {
    const order = schedule({
      rounds: 2,
      scenarios: ['a', 'b'],
      stages: ['s1', 's2'],
      references: ['ref:hello'],
    }).map(({ round, scenario, stage }) => `${round}:${scenario}@${stage ?? '-'}`);
    expect(order).toEqual([
      '1:ref:hello@-',
      '1:a@s1',
      '1:a@s2',
      '1:b@s1',
      '1:b@s2',
      '2:ref:hello@-',
      '2:a@s1',
      '2:a@s2',
      '2:b@s1',
      '2:b@s2',
    ]);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
    expect(median([null, 7, undefined])).toBe(7);
  });
});

const row = (requestsPerSecond, extra = {}) => ({
  requestsPerSecond,
  p50Ms: requestsPerSecond / 100,
  p99Ms: requestsPerSecond / 10,
  errors: 0,
  non2xx: 0,
  statusCodes: { 200: 10 },
  ...extra,
});
const measurements = [
  { round: 1, scenario: 'ref:hello', stage: null, row: row(9000) },
  { round: 2, scenario: 'ref:hello', stage: null, row: row(11000) },
  { round: 1, scenario: 'a', stage: 's1', row: row(100) },
  { round: 1, scenario: 'a', stage: 's2', row: row(50) },
  { round: 2, scenario: 'a', stage: 's1', row: row(300) },
  { round: 2, scenario: 'a', stage: 's2', row: row(150, { statusCodes: { 200: 9, 409: 1 } }) },
  { round: 3, scenario: 'a', stage: 's1', row: row(200) },
  {
    round: 3,
    scenario: 'a',
    stage: 's2',
    row: { failed: 'smoke request got 500', statusCodes: {} },
  },
];
const summary = () =>
  summarize(measurements, { scenarios: ['a'], stages: ['s1', 's2'], references: ['ref:hello'] });

describe('summarize', () => {
  it('takes medians over the rounds, sums failures, and divides by the first stage', () => {
    const [hello, s1, s2] = summary();
    expect(hello).toMatchObject({ scenario: 'ref:hello', stage: null, requestsPerSecond: 10_000 });
    expect(hello.ratio).toBeNull();
    expect(s1).toMatchObject({
      stage: 's1',
      requestsPerSecond: 200,
      p50Ms: 2,
      p99Ms: 20,
      ratio: 1,
    });
    expect(s1.spread).toBe(1);
    expect(s1.requestsPerSecondByRound).toEqual([100, 300, 200]);
    // s2: two measured rounds (50, 150) → 100; the failed round counts as failed, not as 0 req/s.
    expect(s2).toMatchObject({ requestsPerSecond: 100, failedRounds: 1, rounds: 3, ratio: 0.5 });
    expect(s2.statusCodes).toEqual({ 200: 19, 409: 1 });
    expect(s2.requestsPerSecondByRound).toEqual([50, 150, null]);
  });

  it('has no ratio when the first stage has no figure', () => {
    const failedBase = measurements.map((m) =>
      m.stage === 's1' ? { ...m, row: { failed: 'x', statusCodes: {} } } : m,
    );
    const cells = summarize(failedBase, { scenarios: ['a'], stages: ['s1', 's2'] });
    expect(cells.map((c) => c.ratio)).toEqual([null, null]);
  });
});

describe('stagesTable', () => {
  it('shows one row per scenario and stage, the ratio column named after the first stage', () => {
    const text = stagesTable(summary(), ['s1', 's2']);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/\| scenario +\| stage +\| +req\/s \|.*\| +× s1 \| spread \|/);
    expect(lines).toHaveLength(2 + 3);
    expect(lines[2]).toContain('(machine ceiling)');
    expect(lines[3]).toMatch(
      /\| a +\| s1 +\| +200 \| +2\.00 \| +20\.00 \| 0 +\| +1\.00 \| +100% \|/,
    );
    expect(lines[4]).toContain('1×409; 1 of 3 rounds FAILED');
    expect(lines[4]).toContain('0.500');
  });

  it('says FAILED when no round of a cell measured anything', () => {
    const cells = summarize(
      [{ round: 1, scenario: 'a', stage: 's1', row: { failed: 'x', statusCodes: {} } }],
      { scenarios: ['a'], stages: ['s1'] },
    );
    expect(stagesTable(cells, ['s1'])).toContain('FAILED (its round)');
  });
});
