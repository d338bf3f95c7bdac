/**
 * The chaos run's verdict: the invariants the issue sets (0 lost, at most one effect per event per
 * consumer, one charge per order, every order paid) checked against the figures, and the figures
 * printed as a block a guide can quote.
 */
import type { Figures } from './figures';
import type { Kill } from './killer';
import type { LoadResult } from './load';
import type { Settled } from './settle';

export interface RunFacts {
  apis: number;
  workers: number;
  shoppers: number;
  orders: number;
  rate: number;
  seed: number;
  kills: Kill[];
  killsWanted: number;
  load: LoadResult;
  settled: Settled;
  timing: { setupMs: number; loadMs: number; settleMs: number; totalMs: number };
}

export interface Invariant {
  name: string;
  ok: boolean;
  detail: string;
}

const n = (value: number) => value.toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function invariants(figures: Figures, run: RunFacts): Invariant[] {
  const running = figures.consumers.filter((consumer) => consumer.running);
  const failed = run.load.checkouts.filter((checkout) => checkout.error);
  const answered = run.load.checkouts.length - failed.length;
  const worst = running
    .filter((consumer) => consumer.effect)
    .map((consumer) => `${consumer.consumer} ${consumer.effect!.max}`);
  const unpublished = figures.events.unpublished;
  const notHandled = running.reduce((sum, consumer) => sum + consumer.notHandled, 0);
  const deadLetters = running.reduce((sum, consumer) => sum + consumer.deadLetters, 0);
  const perOrder = Object.entries(figures.processor.chargesPerOrder)
    .map(([times, orders]) => `${n(orders)} orders × ${times}`)
    .join(', ');
  return [
    {
      name: `the worker was killed (kill -9) ${run.killsWanted} times`,
      ok: run.kills.length === run.killsWanted,
      detail: `${run.kills.length} kills`,
    },
    {
      name: 'every checkout answered',
      ok: failed.length === 0 && answered === run.orders,
      detail: failed.length
        ? `${failed.length} failed, e.g. ${failed[0]?.error ?? ''}`
        : `${n(answered)} of ${n(run.orders)}`,
    },
    {
      name: 'everything settled (orders, outboxes, queues)',
      ok: run.settled.ok,
      detail: run.settled.ok
        ? `in ${s(run.settled.durationMs)}`
        : `still ${run.settled.waitingFor}`,
    },
    {
      name: '0 events lost',
      ok: figures.lost === 0,
      detail: `${unpublished} unpublished, ${notHandled} published but not handled`,
    },
    {
      name: 'no dead letters',
      ok: deadLetters === 0,
      detail: `${deadLetters}`,
    },
    {
      name: 'at most one effect per event per consumer',
      ok: running.every((consumer) => (consumer.effect?.max ?? 0) <= 1),
      detail: `most effects of one event: ${worst.join(', ')}`,
    },
    {
      name: 'every order charged exactly once at the card processor',
      ok:
        Object.keys(figures.processor.chargesPerOrder).every((times) => times === '1') &&
        figures.processor.strayCharges === 0,
      detail: `${perOrder}; ${figures.processor.strayCharges} charges for unknown orders`,
    },
    {
      name: 'every order paid',
      ok: figures.orders.paid === figures.orders.placed && figures.orders.placed === answered,
      detail: `${n(figures.orders.paid)} paid of ${n(figures.orders.placed)} placed`,
    },
  ];
}

function consumerTable(figures: Figures): string[] {
  const header = [
    'consumer',
    'service',
    'events',
    'jobs',
    'handled',
    'again',
    'stalled',
    'inbox-dup',
    'dead',
    'lost',
    'max effects/event',
  ];
  const rows = figures.consumers.map((c) =>
    c.running
      ? [
          c.consumer,
          c.service,
          n(c.events),
          n(c.jobs),
          n(c.handled),
          n(c.deliveredAgain),
          n(c.stalled),
          n(c.caughtByInbox),
          n(c.deadLetters),
          n(c.notHandled),
          c.effect ? `${c.effect.max} (${c.effect.what})` : 'n/a',
        ]
      : [
          c.consumer,
          c.service,
          n(c.events),
          n(c.jobs),
          '—',
          '—',
          '—',
          '—',
          '—',
          '—',
          `not run by this build: ${n(c.waiting)} jobs wait in its queue`,
        ],
  );
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export function formatReport(figures: Figures, run: RunFacts, checks: Invariant[]): string {
  const answeredPaid = run.load.checkouts.filter((c) => c.answered === 'PAID').length;
  const answeredPending = run.load.checkouts.filter((c) => c.answered === 'PENDING_PAYMENT').length;
  const eventNames = Object.entries(figures.events.byName)
    .map(([name, count]) => `${name} ${n(count)}`)
    .join(', ');
  const restarts = run.kills.map((kill) => kill.restartMs);
  const active = run.kills.map((kill) => kill.activeJobs);
  const deliveries = figures.consumers.reduce((sum, c) => sum + c.jobs, 0);
  const replays = figures.processor.chargeRequests - figures.processor.charges;
  const indent = (lines: string[]) => lines.map((line) => `              ${line}`).join('\n');
  return [
    'Chaos run — kill -9 of the worker while checkout events flow',
    `  setup       ${run.apis} API process${run.apis > 1 ? 'es' : ''}, ${run.workers} worker${run.workers > 1 ? 's' : ''}, one database each service, one Redis; ` +
      `${run.shoppers} shoppers, ${n(run.orders)} checkouts at ${run.rate}/s over HTTP; seed ${run.seed}`,
    `  kills       ${run.kills.length} × kill -9 at ${run.kills.map((k) => s(k.atMs)).join(', ')}`,
    `              payment jobs active at each kill: ${active.join(', ')}; replacement ready in ` +
      `${s(Math.min(...restarts))}–${s(Math.max(...restarts))}`,
    `  events      ${n(figures.events.published)} published (${eventNames}); ${figures.events.unpublished} unpublished`,
    `              an event = one integration event committed to a service's outbox; ${n(deliveries)} deliveries (one job per subscribed consumer)`,
    `  consumers`,
    indent(consumerTable(figures)),
    `              again = jobs handed out more than once (after a failure or a stall); inbox-dup = deliveries the inbox recognised and skipped`,
    `  orders      ${n(figures.orders.placed)} placed, ${n(figures.orders.paid)} paid, ${figures.orders.pending} pending, ${figures.orders.cancelled} cancelled; ` +
      `orders.place answered ${n(answeredPaid)} PAID and ${n(answeredPending)} PENDING_PAYMENT (CHECKOUT_WAIT_MS); ${run.load.late} started late`,
    `  processor   ${n(figures.processor.charges)} charges from ${n(figures.processor.chargeRequests)} charge requests ` +
      `(${n(replays)} answered again under their idempotency key); charges per order: ` +
      Object.entries(figures.processor.chargesPerOrder)
        .map(([times, orders]) => `${times} × ${n(orders)} orders`)
        .join(', '),
    `  lost        ${figures.lost}`,
    `  time        ${s(run.timing.totalMs)} in all (setup ${s(run.timing.setupMs)}, load ${s(run.timing.loadMs)}, ` +
      `settling ${s(run.timing.settleMs)}; ${run.settled.timersFastForwarded} reservation timers fast-forwarded)`,
    '',
    'Invariants',
    ...checks.map((check) => `  ${check.ok ? '✔' : '✖'} ${check.name} — ${check.detail}`),
  ].join('\n');
}
