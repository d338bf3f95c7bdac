import { describe, expect, it } from 'vitest';
import { orderStatuses } from '@shop/contract/orders';
import { assertTransition, canTransition } from './order-status';

const allowed = new Set([
  'PENDING_PAYMENT→PAID',
  'PENDING_PAYMENT→CANCELLED',
  'PAID→SHIPPED',
  'PAID→CANCELLED',
  'SHIPPED→DELIVERED',
]);

describe('order status transitions', () => {
  const pairs = orderStatuses.flatMap((from) => orderStatuses.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s', (from, to) => {
    const ok = allowed.has(`${from}→${to}`);
    expect(canTransition(from, to)).toBe(ok);
    if (ok) expect(() => assertTransition(from, to)).not.toThrow();
    else
      expect(() => assertTransition(from, to)).toThrow(
        expect.objectContaining({ code: 'CONFLICT' }) as Error,
      );
  });
});
