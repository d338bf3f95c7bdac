import { describe, expect, it } from 'vitest';
import { shutdownGraceMs, transactionOptions, transactionTimeoutMs } from './transactions';

describe('transaction timing', () => {
  it('lets a transaction in flight at shutdown finish: the grace outlasts the transaction timeout', () => {
    expect(transactionOptions).toEqual({
      maxWait: transactionTimeoutMs,
      timeout: transactionTimeoutMs,
    });
    expect(shutdownGraceMs).toBeGreaterThan(transactionOptions.timeout);
  });
});
