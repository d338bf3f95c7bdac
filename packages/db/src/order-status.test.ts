import { orderStatuses } from '@shop/contract/orders';
import { describe, expect, it } from 'vitest';
import { OrderStatus } from './generated/prisma/enums';

// The schema's enum cannot be derived from the contract (Prisma reads only schema.prisma), so this
// test is what keeps the column's values and the contract's list (which the domain uses) the same.
describe('the OrderStatus enum in schema.prisma', () => {
  it('holds exactly the contract’s order statuses, in the same order', () => {
    expect(Object.values(OrderStatus)).toEqual([...orderStatuses]);
  });
});
