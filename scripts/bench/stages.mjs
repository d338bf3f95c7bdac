// The pure parts of `npm run bench:stages`: which stages to measure, the interleaved schedule, and the
// medians, ratios and table of the results. No I/O here (scripts/bench/stages.test.mjs covers it).
import { failures, fixed, markdownTable, ratio } from './report.mjs';

export const WORKING_TREE = 'working tree';
/** What `--stages` accepts for the working tree (the checkout as it is, uncommitted changes included). */
export const workingTreeAliases = ['HEAD', 'working-tree', 'worktree', WORKING_TREE];

/**
 * The stages to measure, in order (the first is the base of the ratios). `tags`: [{ tag, commit }] in stage
 * order; `head`: { commit, clean } of the working tree; `pick`: the names given with --stages, in the order
 * given, or undefined for every tag plus the working tree — which is left out when it is exactly a tagged
 * commit (clean, HEAD at a tag): that code is measured already. Names that are neither a tag nor the working
 * tree come back in `unknown` (the caller may resolve them as git refs).
 * Each stage: { name, commit, inPlace } — inPlace: measured in this checkout rather than in a worktree.
 */
export function planStages({ tags, head, pick }) {
  const workingTree = {
    name: WORKING_TREE,
    commit: head.commit,
    inPlace: true,
    dirty: !head.clean,
  };
  const fromTag = ({ tag, commit }) => ({ name: tag, commit, inPlace: false });
  if (!pick) {
    const tagged = head.clean && tags.some((t) => t.commit === head.commit);
    return { stages: [...tags.map(fromTag), ...(tagged ? [] : [workingTree])], unknown: [] };
  }
  const stages = [];
  const unknown = [];
  for (const name of [...new Set(pick)]) {
    const tag = tags.find((t) => t.tag === name);
    if (tag) stages.push(fromTag(tag));
    else if (workingTreeAliases.includes(name)) stages.push(workingTree);
    else unknown.push(name);
  }
  return {
    stages: stages.filter((s, i) => stages.findIndex((o) => o.name === s.name) === i),
    unknown,
  };
}

/** A database name per stage: shop_bench_<stage> in lower case, [a-z0-9_] only, at most 63 bytes. */
export function databaseNameFor(stage) {
  const slug = stage
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `shop_bench_${slug || 'stage'}`.slice(0, 63);
}

/**
 * The order of the measurements: in each round the references once (stage null), then every scenario on
 * every stage in turn — round 1: a@1, a@2, b@1, b@2; round 2: a@1, a@2, … — so drift of the machine over the
 * run falls on all stages alike.
 */
export function schedule({ rounds, scenarios, stages, references = [] }) {
  const items = [];
  for (let round = 1; round <= rounds; round++) {
    for (const scenario of references) items.push({ round, scenario, stage: null });
    for (const scenario of scenarios)
      for (const stage of stages) items.push({ round, scenario, stage });
  }
  return items;
}

/** The median (the mean of the middle two for an even count); null for no values. */
export function median(values) {
  const sorted = values
    .filter((v) => typeof v === 'number' && !Number.isNaN(v))
    .sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function sumCodes(rows) {
  const codes = {};
  for (const row of rows)
    for (const [code, count] of Object.entries(row.statusCodes ?? {}))
      codes[code] = (codes[code] ?? 0) + count;
  return codes;
}

/** One cell from the rounds of one scenario on one stage: medians of the measured rounds, sums of failures. */
function cell(scenario, stage, rows) {
  const measured = rows.filter((r) => !r.failed);
  const rates = measured.map((r) => r.requestsPerSecond);
  const requestsPerSecond = median(rates);
  return {
    scenario,
    stage,
    rounds: rows.length,
    failedRounds: rows.length - measured.length,
    failed: rows.filter((r) => r.failed).map((r) => r.failed),
    requestsPerSecond,
    p50Ms: median(measured.map((r) => r.p50Ms)),
    p99Ms: median(measured.map((r) => r.p99Ms)),
    /** (max − min) / median of req/s over the rounds: how much the rounds disagree. */
    spread:
      rates.length > 1 && requestsPerSecond
        ? (Math.max(...rates) - Math.min(...rates)) / requestsPerSecond
        : null,
    requestsPerSecondByRound: rows.map((r) => (r.failed ? null : r.requestsPerSecond)),
    statusCodes: sumCodes(rows),
    errors: rows.reduce((sum, r) => sum + (r.errors ?? 0), 0),
    non2xx: rows.reduce((sum, r) => sum + (r.non2xx ?? 0), 0),
  };
}

/**
 * The table's cells from `measurements` ([{ round, scenario, stage, row }]): references first (stage null),
 * then scenario × stage in the given orders, each with `ratio`: its median req/s over the first stage's.
 */
export function summarize(measurements, { scenarios, stages, references = [] }) {
  const rowsOf = (scenario, stage) =>
    measurements
      .filter((m) => m.scenario === scenario && m.stage === stage)
      .sort((a, b) => a.round - b.round)
      .map((m) => m.row);
  const cells = references.map((scenario) => ({
    ...cell(scenario, null, rowsOf(scenario, null)),
    ratio: null,
  }));
  for (const scenario of scenarios) {
    const row = stages.map((stage) => cell(scenario, stage, rowsOf(scenario, stage)));
    const base = row[0]?.requestsPerSecond;
    for (const c of row)
      cells.push({
        ...c,
        ratio: base && c.requestsPerSecond !== null ? c.requestsPerSecond / base : null,
      });
  }
  return cells;
}

function errorsText(c) {
  if (c.rounds === 0) return 'not run';
  if (c.failedRounds === c.rounds)
    return `FAILED (${c.rounds === 1 ? 'its round' : `all ${c.rounds} rounds`})`;
  const text = failures(c);
  return c.failedRounds ? `${text}; ${c.failedRounds} of ${c.rounds} rounds FAILED` : text;
}

const percent = (n) => (n === null ? '—' : `${Math.round(n * 100)}%`);

/** scenario × stage: medians over the rounds, failures over all rounds, ratio to the first stage. */
export function stagesTable(cells, stages) {
  const header = [
    'scenario',
    'stage',
    'req/s',
    'p50 ms',
    'p99 ms',
    'errors/non-2xx',
    `× ${stages[0] ?? 'first stage'}`,
    'spread',
  ];
  const body = cells.map((c) => [
    c.scenario,
    c.stage ?? '(machine ceiling)',
    fixed(c.requestsPerSecond, 0),
    fixed(c.p50Ms, 2),
    fixed(c.p99Ms, 2),
    errorsText(c),
    c.stage === null ? '—' : ratio(c.ratio),
    percent(c.spread),
  ]);
  return markdownTable(header, body, [0, 1, 5]);
}
