// `events:placed→payment` and `events:placed→PAID`: how long an event takes from its commit to its
// consumer's effect, at a fixed rate of orders through the API (not as fast as it goes: latency under a
// steady, sustainable load). Orders are placed open-loop, one every 1/rate s whatever the answers, for
// `duration` s; once all are settled, each order's times are read from the databases (a measuring
// script may read the worker's; nothing in the shop does):
//   - the `ordering.OrderPlaced` outbox row's `occurred_at` (API database: written in checkout's
//     transaction, just before its commit),
//   - the payment consumer's inbox row for that event id, `handled_at` (worker database: `now()` of
//     the consumer's transaction — when it took the event; its charge commits right after the card
//     processor answers),
//   - the order's PAID status change, `at` (API database: when payment's answer was applied).
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { withClient } from '../lib/db.mjs';
import { send } from './checkouts.mjs';
import { percentileOf } from './measure.mjs';
import { trpcData } from './scenarios.mjs';

const settleLimitMs = 60_000;

/**
 * Per order, milliseconds from the OrderPlaced row's time to the payment inbox's and to PAID.
 * `placed`: [{ orderId, eventId, occurredMs }]; `handled`: Map eventId → handledMs; `paid`: Map
 * orderId → paidMs. Orders missing either effect are counted, not timed.
 */
export function effectLatencies({ placed, handled, paid }) {
  const toPayment = [];
  const toPaid = [];
  let unhandled = 0;
  let unpaid = 0;
  for (const { orderId, eventId, occurredMs } of placed) {
    const handledMs = handled.get(eventId);
    const paidMs = paid.get(orderId);
    if (handledMs === undefined) unhandled += 1;
    else toPayment.push(handledMs - occurredMs);
    if (paidMs === undefined) unpaid += 1;
    else toPaid.push(paidMs - occurredMs);
  }
  return { toPayment, toPaid, unhandled, unpaid };
}

/** Fires `count` requests from `next()`, one every `intervalMs` (on schedule, not after the answers). */
async function fireAtRate(count, intervalMs, fire) {
  const started = performance.now();
  const answers = [];
  for (let i = 0; i < count; i++) {
    const due = started + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    answers.push(fire());
  }
  const firedS = (performance.now() - started) / 1000;
  return { answers: await Promise.all(answers), firedS };
}

async function waitUntilSettled(db, orderIds) {
  const deadline = Date.now() + settleLimitMs;
  for (;;) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM "Order" WHERE id = ANY($1::uuid[]) AND status <> 'PENDING_PAYMENT'`,
      [orderIds],
    );
    if (rows[0].n === orderIds.length || Date.now() > deadline) return rows[0].n;
    await sleep(250);
  }
}

const epochMs = (column) => `(extract(epoch from ${column}) * 1000)::float8`;

/**
 * Places `rate × duration` orders at `rate`/s through `scenario` (the `orders.place` scenario: its
 * prepared carts and request), then reads the three times per order. Returns the two rows.
 */
export async function measureEventLatency({
  scenario,
  db,
  workerDatabaseUrl,
  rate,
  duration,
  log,
}) {
  const count = Math.round(rate * duration);
  await scenario.carts.topUp(count - scenario.carts.queue.length);
  const agent = new http.Agent({ keepAlive: true });
  const [template] = scenario.requests;
  const placeOne = async () => {
    try {
      const answer = await send(
        agent,
        scenario.url,
        template.setupRequest({ ...template, headers: {} }),
      );
      const order = answer.status === 200 ? trpcData(JSON.parse(answer.text)) : undefined;
      return { status: String(answer.status), orderId: order?.id, answered: order?.status };
    } catch {
      return { status: 'conn err' };
    }
  };
  log(`  placing ${count} orders at ${rate}/s for ${duration} s…`);
  const { answers, firedS } = await fireAtRate(count, 1000 / rate, placeOne).finally(() =>
    agent.destroy(),
  );
  const orderIds = answers.map((a) => a.orderId).filter(Boolean);
  const settled = await waitUntilSettled(db, orderIds);

  const placed = (
    await db.query(
      `SELECT correlation_id AS "orderId", id AS "eventId", ${epochMs('occurred_at')} AS "occurredMs"
       FROM outbox WHERE name = 'ordering.OrderPlaced' AND correlation_id = ANY($1::text[])`,
      [orderIds],
    )
  ).rows;
  const paid = new Map(
    (
      await db.query(
        `SELECT "orderId", ${epochMs('min(at)')} AS ms FROM "OrderStatusChange"
         WHERE status = 'PAID' AND "orderId" = ANY($1::uuid[]) GROUP BY "orderId"`,
        [orderIds],
      )
    ).rows.map((r) => [r.orderId, r.ms]),
  );
  const handled = await withClient(
    workerDatabaseUrl,
    async (worker) =>
      new Map(
        (
          await worker.query(
            `SELECT event_id AS "eventId", ${epochMs('handled_at')} AS ms FROM inbox
           WHERE consumer = 'payment' AND event_id = ANY($1::uuid[])`,
            [placed.map((p) => p.eventId)],
          )
        ).rows.map((r) => [r.eventId, r.ms]),
      ),
  );
  const { toPayment, toPaid, unhandled, unpaid } = effectLatencies({ placed, handled, paid });

  const answeredBy = {};
  for (const a of answers) {
    const key = a.status === '200' ? `200 ${a.answered}` : a.status;
    answeredBy[key] = (answeredBy[key] ?? 0) + 1;
  }
  log(
    `  answers: ${Object.entries(answeredBy)
      .map(([k, n]) => `${n}× ${k}`)
      .join(', ')}; ${settled} of ${orderIds.length} settled, ${placed.length} OrderPlaced rows`,
  );
  const failedPlaces = answers.length - orderIds.length;
  const statusCodes = Object.fromEntries(
    Object.entries(answeredBy).filter(([k]) => !k.startsWith('200')),
  );
  const row = (scenario, latencies, missing, missingLabel, means) => ({
    scenario,
    kind: 'events',
    means,
    // On schedule, the last order goes out one interval before the run's end.
    requestsPerSecond: answers.length / (firedS + 1 / rate),
    p50Ms: percentileOf(latencies, 50),
    p99Ms: percentileOf(latencies, 99),
    responses: answers.length,
    ok: latencies.length,
    non2xx: failedPlaces + missing,
    errors: 0,
    errorRate: (failedPlaces + missing) / Math.max(1, answers.length),
    statusCodes: {
      200: latencies.length,
      ...statusCodes,
      ...(missing > 0 && { [missingLabel]: missing }),
    },
    answers: answeredBy,
    warmup: 'none (runs after the other scenarios)',
  });
  const rateText = `${count} orders placed at ${rate}/s for ${duration} s (open loop); req/s = orders/s placed`;
  return [
    row(
      'events:placed→payment',
      toPayment,
      unhandled,
      'not handled',
      `OrderPlaced outbox occurred_at → the payment consumer's inbox handled_at (worker database): ${rateText}`,
    ),
    row(
      'events:placed→PAID',
      toPaid,
      unpaid,
      'not PAID',
      `OrderPlaced outbox occurred_at → the order's PAID status change (API database): ${rateText}`,
    ),
  ];
}
