// One scenario: a smoke request that must succeed with the expected shape, a warm-up, then the measured run.
// Requests are sent by autocannon; checkouts by checkouts.mjs, which times each until its order is PAID.
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { isShuttingDown } from '../lib/lifecycle.mjs';
import { runCheckouts, smokeCheckout } from './checkouts.mjs';
import { trpcData } from './scenarios.mjs';

/** Send the scenario's request once with fetch and check status and body, so a broken wire fails before timing. */
async function smoke(scenario) {
  const [template] = scenario.requests;
  const req = template.setupRequest
    ? template.setupRequest({ ...template, headers: {} })
    : template;
  const res = await fetch(new URL(req.path, scenario.url), {
    method: req.method,
    headers: req.headers,
    body: req.body,
  });
  const text = await res.text();
  let data;
  try {
    data = trpcData(JSON.parse(text));
  } catch {
    data = undefined;
  }
  if (res.status !== 200 || !data || !scenario.check(data)) {
    throw new Error(
      `${scenario.name}: smoke request ${req.method} ${req.path} got ${res.status} ${text.slice(0, 600)}`,
    );
  }
}

/**
 * autocannon's own latency histogram has 1 ms resolution: keep every response time (ms, fractional) instead.
 * Also the time from start to the last response: autocannon only notices the end at its next 1 s tick.
 */
function run(scenario, options, onInstance) {
  const latencies = [];
  const started = performance.now();
  let lastResponse = started;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: scenario.url, requests: scenario.requests, ...options },
      (error, result) => {
        const activeS = (lastResponse - started) / 1000;
        return error ? reject(error) : resolve({ result, latencies, activeS });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
      lastResponse = performance.now();
    });
    onInstance?.(instance);
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function percentileOf(values, p) {
  return percentile(Float64Array.from(values).sort(), p);
}

function summarize(scenario, { result, latencies }) {
  const sorted = Float64Array.from(latencies).sort();
  // Checkouts (checkouts.mjs) also count 200 answers whose order was not paid (`unpaid`).
  const responses =
    result['1xx'] +
    result['2xx'] +
    result['3xx'] +
    result['4xx'] +
    result['5xx'] +
    (result.unpaid ?? 0);
  const failed = result.non2xx + result.errors;
  return {
    scenario: scenario.name,
    means: scenario.means,
    requestsPerSecond: responses / result.duration,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    responses,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    errorRate: failed / Math.max(1, responses + result.errors),
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
    ),
    durationS: result.duration,
    cartsRanOut: scenario.carts?.exhausted ?? false,
    ...(result.pendingAnswers !== undefined && { pendingAnswers: result.pendingAnswers }),
  };
}

/** A warm-up of `amount` checkouts; returns the checkout rate it reached. */
async function warmUpCheckouts(scenario, connections, amount) {
  await scenario.carts.topUp(amount + connections * 2 - scenario.carts.queue.length);
  const { result, activeS } = await runCheckouts(scenario, { connections, amount });
  return result['2xx'] / activeS;
}

/**
 * Checkout scenarios (checkouts.mjs: one checkout lasts until its order is PAID) need one prepared cart per checkout. They warm up with a cold burst of checkouts, then
 * with passes of about `warmup` seconds at the last rate reached until the rate stops climbing (at most 3),
 * prepare carts for twice that rate, and if a measured run still runs out, prepare three times as many and
 * measure again: no reported run contains requests for an empty cart.
 */
async function measureCheckouts(scenario, { connections, duration, warmup }) {
  const { carts } = scenario;
  const passes = [connections * 10];
  let rate = await warmUpCheckouts(scenario, connections, passes[0]);
  for (let climbing = true; climbing && passes.length < 4;) {
    passes.push(Math.max(connections, Math.ceil(rate * warmup)));
    const next = await warmUpCheckouts(scenario, connections, passes.at(-1));
    climbing = next > rate * 1.25;
    rate = Math.max(rate, next);
  }
  for (let attempt = 1; ; attempt++) {
    await carts.topUp(Math.ceil(rate * duration * 2) + connections * 4 - carts.queue.length);
    const prepared = carts.queue.length;
    carts.exhausted = false;
    const measured = await runCheckouts(scenario, { connections, duration }, (instance) => {
      carts.onExhausted = () => instance.stop();
    });
    const row = summarize(scenario, measured);
    const again = attempt > 1 ? ` (attempt ${attempt})` : '';
    const warmed = `${passes.join(' + ')} checkouts; ${prepared} carts prepared${again}`;
    if (!row.cartsRanOut || attempt === 3) return { ...row, warmup: warmed };
    rate *= 3;
  }
}

export async function measure(scenario, { connections, duration, warmup }) {
  if (scenario.carts) {
    await scenario.carts.topUp(1);
    await smokeCheckout(scenario);
    return measureCheckouts(scenario, { connections, duration, warmup });
  }
  await smoke(scenario);
  await run(scenario, { connections, duration: warmup });
  return {
    ...summarize(scenario, await run(scenario, { connections, duration })),
    warmup: `${warmup} s`,
  };
}

/**
 * `measure` with progress on `log`: a line naming the run (default: the scenario and what it means), then
 * its figures. A failure becomes a row with `failed` and errorRate 1, so the other scenarios still run;
 * during Ctrl-C (the servers are being stopped) it throws instead.
 */
export async function measureLogged(scenario, settings, log, title) {
  const kind = scenario.kind ?? 'api';
  log(title ?? `→ ${scenario.name}: ${scenario.means}`);
  try {
    const row = await measure(scenario, settings);
    // Ctrl-C stopped the servers under the measurement: its figures mean nothing.
    if (isShuttingDown()) throw new Error('interrupted');
    const pending = row.pendingAnswers
      ? `; ${row.pendingAnswers} answered PENDING_PAYMENT and were followed to PAID`
      : '';
    log(
      `  ${Math.round(row.requestsPerSecond)} req/s, p50 ${row.p50Ms?.toFixed(2)} ms, ` +
        `p99 ${row.p99Ms?.toFixed(2)} ms (warm-up: ${row.warmup}${pending})`,
    );
    return { kind, ...row };
  } catch (error) {
    if (isShuttingDown()) throw error;
    log(`  FAILED: ${error.message}`);
    const failed = { scenario: scenario.name, means: scenario.means, failed: error.message };
    return { kind, ...failed, statusCodes: {}, errorRate: 1 };
  }
}

/** Why rows are not valid measurements (failed, too many errors, out of carts), one line each. */
export function invalidRows(rows, { maxErrorRate }, label = (row) => row.scenario) {
  return rows
    .filter((r) => r.failed || r.errorRate > maxErrorRate || r.cartsRanOut)
    .map((r) => {
      const share = `${(r.errorRate * 100).toFixed(1)}% of requests failed (limit ${maxErrorRate * 100}%)`;
      return `${label(r)}: ${r.failed ?? (r.cartsRanOut ? 'ran out of prepared carts' : share)}`;
    });
}
