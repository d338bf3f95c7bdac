// One scenario: a smoke request that must succeed with the expected shape, a warm-up, then the measured run.
import autocannon from 'autocannon';
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

/** autocannon's own latency histogram has 1 ms resolution; keep every response time (ms, fractional) instead. */
function run(scenario, options, onInstance) {
  const latencies = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: scenario.url, requests: scenario.requests, ...options },
      (error, result) => (error ? reject(error) : resolve({ result, latencies })),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) =>
      latencies.push(responseTime),
    );
    onInstance?.(instance);
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarize(scenario, { result, latencies }) {
  const sorted = Float64Array.from(latencies).sort();
  const responses = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
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
  };
}

/**
 * Checkout scenarios need one prepared cart per request. They warm up with a fixed number of checkouts, prepare
 * carts for twice the warm-up rate, and if a measured run still runs out (the warm-up was slower), they prepare
 * three times as many and measure again, so no reported run contains requests for an empty cart.
 */
async function measureCheckouts(scenario, { connections, duration }) {
  const { carts } = scenario;
  const amount = connections * 10;
  await carts.topUp(amount + connections * 2 - carts.queue.length);
  const warm = await run(scenario, { connections, amount });
  let rate = warm.result['2xx'] / warm.result.duration;
  for (let attempt = 1; ; attempt++) {
    await carts.topUp(Math.ceil(rate * duration * 2) + connections * 4 - carts.queue.length);
    const prepared = carts.queue.length;
    carts.exhausted = false;
    const measured = await run(scenario, { connections, duration }, (instance) => {
      carts.onExhausted = () => instance.stop();
    });
    const row = summarize(scenario, measured);
    const warmup = `${amount} checkouts; ${prepared} carts prepared${attempt > 1 ? ` (attempt ${attempt})` : ''}`;
    if (!row.cartsRanOut || attempt === 3) return { ...row, warmup };
    rate *= 3;
  }
}

export async function measure(scenario, { connections, duration, warmup }) {
  await scenario.carts?.topUp(1);
  await smoke(scenario);
  if (scenario.carts) return measureCheckouts(scenario, { connections, duration });
  await run(scenario, { connections, duration: warmup });
  return {
    ...summarize(scenario, await run(scenario, { connections, duration })),
    warmup: `${warmup} s`,
  };
}
