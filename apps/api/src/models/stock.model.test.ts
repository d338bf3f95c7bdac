import { describe, expect, it } from 'vitest';
import { requestFingerprint } from './order.model';
import { isRetryableTransactionError } from '../infrastructure/db/transactions';
import { sumPerProduct } from './stock.model';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const address = {
  fullName: 'Kim',
  address: '1 Road',
  city: 'Seoul',
  postalCode: '04524',
  country: 'KR',
};

describe('sumPerProduct', () => {
  it('sums quantities per product and sorts by id, so locks are always taken in one order', () => {
    expect(
      sumPerProduct([
        { productId: b, quantity: 1 },
        { productId: a, quantity: 2 },
        { productId: b, quantity: 3 },
      ]),
    ).toEqual([
      { productId: a, quantity: 2 },
      { productId: b, quantity: 4 },
    ]);
  });
});

describe('requestFingerprint', () => {
  const lines = [
    { productId: a, quantity: 1 },
    { productId: b, quantity: 2 },
  ];

  it('ignores line order', () => {
    expect(requestFingerprint([...lines].reverse(), address)).toBe(
      requestFingerprint(lines, address),
    );
  });

  it('changes with the cart or the address', () => {
    const base = requestFingerprint(lines, address);
    expect(requestFingerprint([{ productId: a, quantity: 1 }], address)).not.toBe(base);
    expect(requestFingerprint(lines, { ...address, city: 'Busan' })).not.toBe(base);
  });
});

describe('isRetryableTransactionError', () => {
  it('recognises deadlocks and serialization failures as the pg driver adapter reports them', () => {
    const deadlock = Object.assign(
      new Error('Raw query failed. Code: `40P01`. Message: `deadlock detected`'),
      {
        code: 'P2010',
        meta: {
          driverAdapterError: {
            cause: { originalCode: '40P01', kind: 'TransactionWriteConflict' },
          },
        },
      },
    );
    expect(isRetryableTransactionError(deadlock)).toBe(true);
    expect(
      isRetryableTransactionError(Object.assign(new Error('write conflict'), { code: 'P2034' })),
    ).toBe(true);
    expect(
      isRetryableTransactionError(
        Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }),
      ),
    ).toBe(false);
    expect(isRetryableTransactionError(new Error('Sold out'))).toBe(false);
  });
});
