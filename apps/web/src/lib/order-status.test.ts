import { describe, expect, it } from 'vitest';
import { orderStatuses } from '@shop/contract/orders';
import { orderNumber, orderReasonLabel, orderStatusLabel } from './order-status';

describe('order status words', () => {
  it('names every status in words', () => {
    expect(orderStatuses.map(orderStatusLabel)).toEqual([
      'Pending payment',
      'Paid',
      'Shipped',
      'Delivered',
      'Cancelled',
    ]);
  });

  it('says why the shop ended an order, and nothing for reasons it does not know', () => {
    expect(orderReasonLabel('EXPIRED')).toBe('reservation expired before payment');
    expect(orderReasonLabel(undefined)).toBeNull();
    expect(orderReasonLabel('SOMETHING_NEW')).toBeNull();
  });

  it('quotes an order by the first eight characters of its id', () => {
    expect(orderNumber('c6509f28-1b2c-4d5e-8f90-123456789abc')).toBe('C6509F28');
  });
});
