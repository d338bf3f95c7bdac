import { describe, expect, it } from 'vitest';
import { TransitionNotAllowed } from '@shop/domain/shared/errors';
import {
  adminActionsFor,
  assertTransition,
  canTransition,
  shopperActionsFor,
  type OrderStatus,
} from './order-status';

const statuses: OrderStatus[] = ['PENDING_PAYMENT', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'];

const allowed = new Set([
  'PENDING_PAYMENT→PAID',
  'PENDING_PAYMENT→CANCELLED',
  'PAID→SHIPPED',
  'PAID→CANCELLED',
  'SHIPPED→DELIVERED',
]);

describe('order status transitions', () => {
  const pairs = statuses.flatMap((from) => statuses.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s', (from, to) => {
    const ok = allowed.has(`${from}→${to}`);
    expect(canTransition(from, to)).toBe(ok);
    if (ok) expect(() => assertTransition(from, to)).not.toThrow();
    else expect(() => assertTransition(from, to)).toThrow(TransitionNotAllowed);
  });

  it('says in words what cannot happen', () => {
    expect(() => assertTransition('SHIPPED', 'CANCELLED')).toThrow(
      'An order that is shipped cannot be marked cancelled',
    );
  });
});

describe('allowed actions', () => {
  it.each([
    ['PENDING_PAYMENT', ['cancel'], []],
    ['PAID', ['cancel'], ['ship']],
    ['SHIPPED', [], ['deliver']],
    ['DELIVERED', [], []],
    ['CANCELLED', [], []],
  ] as const)('%s: shopper %o, back office %o', (status, shopper, admin) => {
    expect(shopperActionsFor(status)).toEqual(shopper);
    expect(adminActionsFor(status)).toEqual(admin);
  });
});
