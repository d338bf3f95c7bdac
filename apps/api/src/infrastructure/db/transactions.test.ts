import { describe, expect, it } from 'vitest';
import {
  isRetryableTransactionError,
  shutdownGraceMs,
  transactionOptions,
  transactionTimeoutMs,
} from './transactions';

describe('transaction timing', () => {
  it('lets a transaction in flight at shutdown finish: the grace outlasts the transaction timeout', () => {
    expect(transactionOptions).toEqual({
      maxWait: transactionTimeoutMs,
      timeout: transactionTimeoutMs,
    });
    expect(shutdownGraceMs).toBeGreaterThan(transactionOptions.timeout);
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
