import { describe, expect, it } from 'vitest';
import { effectLatencies } from './event-latency.mjs';

describe('effectLatencies', () => {
  it('times each order from its OrderPlaced row to the payment inbox and to PAID, and counts what is missing', () => {
    const placed = [
      { orderId: 'o1', eventId: 'e1', occurredMs: 1_000 },
      { orderId: 'o2', eventId: 'e2', occurredMs: 2_000 },
      { orderId: 'o3', eventId: 'e3', occurredMs: 3_000 },
    ];
    const handled = new Map([
      ['e1', 1_040],
      ['e2', 2_250],
    ]);
    const paid = new Map([['o1', 1_120]]);
    expect(effectLatencies({ placed, handled, paid })).toEqual({
      toPayment: [40, 250],
      toPaid: [120],
      unhandled: 1,
      unpaid: 2,
    });
  });
});
