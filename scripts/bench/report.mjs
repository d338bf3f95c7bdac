// The bench's output: machine facts, a plain-text table (Markdown-compatible) and the same figures as JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { capture } from '../lib/processes.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export async function machineFacts() {
  const git = async (...args) => {
    const { code, stdout } = await capture('git', args, { cwd: repoRoot });
    return code === 0 ? stdout.trim() : 'unknown';
  };
  const cpus = os.cpus();
  return {
    cpus: os.availableParallelism(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    gitDescribe: await git('describe', '--tags', '--always', '--dirty'),
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
}

/** One line of facts for the output; warns when the machine was already busy before the run. */
export function summaryLine({ machine, settings, database }) {
  const load = [machine.loadAverage[0], machine.loadAverageAtEnd?.[0]].filter(
    (n) => n !== undefined,
  );
  const busy =
    machine.loadAverage[0] > machine.cpus ? ' (busy machine: compare ratios, not req/s)' : '';
  return [
    `${machine.cpus} cpus (${machine.cpuModel}), ${machine.memoryGiB} GiB, node ${machine.node}`,
    `git ${machine.gitDescribe}${database ? `, PostgreSQL ${database.postgres}` : ''}`,
    `${settings.connections} connections, ${settings.warmup} s warm-up + ${settings.duration} s per scenario`,
    `load ${load.join(' → ')}${busy}`,
  ].join('; ');
}

/** Rows that are events over the broker, not HTTP requests: no ratio to the hello server. */
const eventKinds = new Set(['relay', 'addBulk', 'events']);

/**
 * Ratios to the reference limits of the same run: every HTTP row to the hello server, checkouts to the
 * raw-pg checkout, the relay to plain BullMQ addBulk.
 */
export function withRatios(rows) {
  const reference = (kind) => rows.find((r) => r.kind === kind && !r.failed)?.requestsPerSecond;
  const hello = reference('hello');
  const pgCheckout = reference('pg-checkout');
  const addBulk = reference('addBulk');
  const ratio = (row, base, kinds) =>
    base && kinds.includes(row.kind) && typeof row.requestsPerSecond === 'number'
      ? row.requestsPerSecond / base
      : null;
  return rows.map((row) => ({
    ...row,
    ratioToHello: eventKinds.has(row.kind) ? null : ratio(row, hello, [row.kind]),
    ratioToPgCheckout: ratio(row, pgCheckout, ['checkout', 'pg-checkout']),
    ratioToAddBulk: ratio(row, addBulk, ['relay', 'addBulk']),
  }));
}

export const fixed = (n, digits) => (n === null || n === undefined ? '—' : n.toFixed(digits));
export const ratio = (n) => (n === null || n === undefined ? '—' : n.toPrecision(3));

/** Non-2xx responses by status code and connection errors, e.g. "7×409, 2 conn err", or "0". */
export function failures(row) {
  const codes = Object.entries(row.statusCodes).filter(([code]) => !code.startsWith('2'));
  const parts = codes.map(([code, count]) => `${count}×${code}`);
  if (row.errors) parts.push(`${row.errors} conn err`);
  return parts.length ? parts.join(', ') : '0';
}

export function table(rows) {
  const header = [
    'scenario',
    'req/s',
    'p50 ms',
    'p99 ms',
    'errors/non-2xx',
    '× hello',
    '× raw-pg checkout',
    '× addBulk',
  ];
  const body = rows.map((r) => [
    r.scenario,
    fixed(r.requestsPerSecond, 0),
    fixed(r.p50Ms, 2),
    fixed(r.p99Ms, 2),
    failures(r),
    ratio(r.ratioToHello),
    ratio(r.ratioToPgCheckout),
    ratio(r.ratioToAddBulk),
  ]);
  return markdownTable(header, body, [0, 4]);
}

/** A plain-text table that is also Markdown: columns in `left` are left-aligned, the others right. */
export function markdownTable(header, body, left = [0]) {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const isLeft = (i) => left.includes(i);
  const line = (cells) =>
    `| ${cells.map((c, i) => (isLeft(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (isLeft(i) ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

/** Writes `.bench/<prefix>-<startedAt>.json`; returns its path relative to the repository. */
export function writeJson(report, prefix = 'results') {
  const dir = `${repoRoot}.bench`;
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/${prefix}-${report.startedAt.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file.slice(repoRoot.length);
}
