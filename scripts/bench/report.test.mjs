import { describe, expect, it } from 'vitest';
import { table, withRatios } from './report.mjs';

const row = (scenario, kind, requestsPerSecond, statusCodes = { 200: 100 }) => ({
  scenario,
  kind,
  requestsPerSecond,
  p50Ms: 1.234,
  p99Ms: 9.876,
  errors: 0,
  statusCodes,
});

describe('withRatios', () => {
  it('divides by the hello reference, and by the raw-pg checkout only for checkouts', () => {
    const rows = withRatios([
      row('ref:hello', 'hello', 10_000),
      row('catalog.get', 'api', 500),
      row('orders.place', 'checkout', 50),
      row('ref:pg-checkout', 'pg-checkout', 200),
    ]);
    expect(rows.map((r) => [r.scenario, r.ratioToHello, r.ratioToPgCheckout])).toEqual([
      ['ref:hello', 1, null],
      ['catalog.get', 0.05, null],
      ['orders.place', 0.005, 0.25],
      ['ref:pg-checkout', 0.02, 1],
    ]);
  });

  it('leaves ratios empty when a reference was not run', () => {
    const [only] = withRatios([row('catalog.get', 'api', 500)]);
    expect(only.ratioToHello).toBeNull();
  });
});

describe('table', () => {
  it('shows non-2xx responses by status code and connection errors', () => {
    const failing = { ...row('cart.add', 'api', 10, { 200: 90, 409: 7, 500: 3 }), errors: 2 };
    const text = table(withRatios([row('ref:hello', 'hello', 1000), failing]));
    expect(text).toContain('7×409, 3×500, 2 conn err');
    expect(text.split('\n')).toHaveLength(4);
  });
});

describe('the event bus rows', () => {
  it('compare the relay with plain addBulk, and neither nor the latency rows with the hello server', () => {
    const rows = withRatios([
      row('ref:hello', 'hello', 10_000),
      row('ref:addBulk', 'addBulk', 5_000),
      row('relay.drain', 'relay', 4_500),
      row('events:placed→PAID', 'events', 20),
    ]);
    expect(rows.map((r) => [r.scenario, r.ratioToHello, r.ratioToAddBulk])).toEqual([
      ['ref:hello', 1, null],
      ['ref:addBulk', null, 1],
      ['relay.drain', null, 0.9],
      ['events:placed→PAID', null, null],
    ]);
    expect(table(rows).split('\n')[4]).toMatch(/\| relay\.drain .* \| +0\.900 \|$/);
  });
});
