// Checkouts measured until the order is paid. Since stage 4, `orders.place` may answer PENDING_PAYMENT
// (payment is another service; the API waits at most CHECKOUT_WAIT_MS for it): such a checkout is done
// only when `orders.get` says PAID, and its time is the time to PAID. Stages 1–3 answer PAID at once, so
// for them one checkout is one request — the same measure, and the same client, for every stage.
//
// A closed loop per connection, like autocannon's: `connections` shoppers, each placing an order,
// following it to PAID if need be (polling every `followIntervalMs`), then the next. One keep-alive
// socket per shopper (node:http). A run ends after `duration` seconds (checkouts still under way then
// are finished but not counted, as autocannon drops its in-flight requests) or after `amount`
// checkouts. The result has autocannon's shape, so measure.mjs summarizes both alike.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { trpcData } from './scenarios.mjs';

export const followIntervalMs = 100;
/** A checkout not PAID this long after it was placed counts as failed ("PENDING_PAYMENT after 30 s"). */
export const followLimitMs = 30_000;
const requestTimeoutMs = 30_000;

/** One HTTP request on `agent`: { status, text }; a socket error or timeout rejects. */
export function send(agent, base, { method, path, headers = {}, body }) {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        agent,
        method,
        headers: body ? { ...headers, 'content-length': Buffer.byteLength(body) } : headers,
        timeout: requestTimeoutMs,
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { timeout: true })));
    req.on('error', reject);
    req.end(body);
  });
}

function parse(text) {
  try {
    return trpcData(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * Places one order (the scenario's request) and, when it answers PENDING_PAYMENT and the scenario
 * can follow it, polls until it is not pending any more. Resolves with { outcome: 'paid' | an HTTP
 * status | the order's final status | 'PENDING_PAYMENT after 30 s' | 'unreadable answer', ms, data,
 * text, pending (whether the place answered PENDING_PAYMENT) }; rejects on a socket error or timeout.
 */
export async function checkoutOnce(scenario, agent) {
  const [template] = scenario.requests;
  const req = template.setupRequest({ ...template, headers: {} });
  const started = performance.now();
  const answer = await send(agent, scenario.url, req);
  if (answer.status !== 200)
    return { outcome: String(answer.status), ms: performance.now() - started, text: answer.text };
  let data = parse(answer.text);
  let text = answer.text;
  const pending = data?.status === 'PENDING_PAYMENT';
  if (pending && scenario.follow) {
    while (data.status === 'PENDING_PAYMENT' && performance.now() - started < followLimitMs) {
      await sleep(followIntervalMs);
      const poll = await send(agent, scenario.url, scenario.follow(data, req));
      const polled = poll.status === 200 ? parse(poll.text) : undefined;
      if (polled?.status) [data, text] = [polled, poll.text];
    }
  }
  const ms = performance.now() - started;
  if (!data?.status) return { outcome: 'unreadable answer', ms, text, pending };
  if (data.status === 'PAID') return { outcome: 'paid', ms, data, text, pending };
  const outcome =
    data.status === 'PENDING_PAYMENT' && scenario.follow
      ? `PENDING_PAYMENT after ${followLimitMs / 1000} s`
      : data.status;
  return { outcome, ms, data, text, pending };
}

/** Tallies finished checkouts into autocannon's result shape (plus `unpaid` and `pendingAnswers`). */
export function tally(outcomes, durationS) {
  const result = {
    '1xx': 0,
    '2xx': 0,
    '3xx': 0,
    '4xx': 0,
    '5xx': 0,
    unpaid: 0,
    non2xx: 0,
    errors: 0,
    timeouts: 0,
    pendingAnswers: 0,
    statusCodeStats: {},
    duration: durationS,
  };
  const count = (code) => {
    result.statusCodeStats[code] ??= { count: 0 };
    result.statusCodeStats[code].count += 1;
  };
  for (const { outcome, pending, timeout } of outcomes) {
    if (pending) result.pendingAnswers += 1;
    if (outcome === 'error') {
      result.errors += 1;
      if (timeout) result.timeouts += 1;
    } else if (outcome === 'paid') {
      result['2xx'] += 1;
      count('200');
    } else if (/^\d{3}$/.test(outcome)) {
      result[`${outcome[0]}xx`] += 1;
      result.non2xx += 1;
      count(outcome);
    } else {
      // A 200 answer whose order was not paid (declined, cancelled, still pending): a failed checkout.
      result.unpaid += 1;
      result.non2xx += 1;
      count(outcome);
    }
  }
  return result;
}

/**
 * Runs checkouts on `connections` closed loops for `duration` seconds or `amount` checkouts in all.
 * `onInstance` receives { stop() } (measure.mjs stops a run whose prepared carts ran out). Resolves with
 * { result, latencies (ms of every counted checkout), activeS (start to the last counted one) }.
 */
export async function runCheckouts(scenario, { connections, duration, amount }, onInstance) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const started = performance.now();
  const endAt = duration ? started + duration * 1000 : Infinity;
  let stoppedAt = null;
  let issued = 0;
  let last = started;
  const outcomes = [];
  const latencies = [];
  onInstance?.({ stop: () => (stoppedAt ??= performance.now()) });
  const more = () =>
    stoppedAt === null && performance.now() < endAt && (amount === undefined || issued < amount);

  async function loop() {
    while (more()) {
      issued += 1;
      let finished;
      try {
        finished = await checkoutOnce(scenario, agent);
      } catch (error) {
        finished = { outcome: 'error', timeout: Boolean(error.timeout) };
      }
      const now = performance.now();
      if (now > endAt) continue;
      last = now;
      outcomes.push(finished);
      if (finished.ms !== undefined) latencies.push(finished.ms);
    }
  }
  try {
    await Promise.all(Array.from({ length: connections }, loop));
  } finally {
    agent.destroy();
  }
  const activeS = (last - started) / 1000;
  const ranS = duration ? (Math.min(stoppedAt ?? endAt, endAt) - started) / 1000 : activeS;
  return { result: tally(outcomes, ranS), latencies, activeS };
}

/** One checkout that must end PAID and pass the scenario's check, or an error quoting the answer. */
export async function smokeCheckout(scenario) {
  const agent = new http.Agent({ keepAlive: false });
  try {
    const done = await checkoutOnce(scenario, agent);
    if (done.outcome !== 'paid' || !scenario.check(done.data))
      throw new Error(
        `${scenario.name}: smoke checkout ended ${done.outcome}${done.pending ? ' (it answered PENDING_PAYMENT first)' : ''}: ` +
          `${(done.text ?? '').slice(0, 600)}`,
      );
    return done;
  } finally {
    agent.destroy();
  }
}
