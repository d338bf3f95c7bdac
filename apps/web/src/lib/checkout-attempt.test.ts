import { describe, expect, it } from 'vitest';
import { afterFailure, attemptFor, failureOutcome } from './checkout-attempt';

const keys = () => {
  let n = 0;
  return () => `key-${++n}`;
};

describe('checkout attempts', () => {
  it('starts an attempt with a fresh key', () => {
    expect(attemptFor(null, 'cart+address', keys())).toEqual({
      key: 'key-1',
      payload: 'cart+address',
    });
  });

  it('keeps the key when a network failure is retried with the same form', () => {
    const next = keys();
    const first = attemptFor(null, 'p', next);
    const kept = afterFailure(first, 'network_error');
    expect(attemptFor(kept, 'p', next).key).toBe('key-1');
  });

  it('keeps the key while the server says the checkout is still being processed', () => {
    const next = keys();
    const first = attemptFor(null, 'p', next);
    const kept = afterFailure(first, failureOutcome({ networkError: false, code: 'TIMEOUT' }));
    expect(attemptFor(kept, 'p', next).key).toBe('key-1');
  });

  it('classifies failures: no answer, still processing, or a definite answer', () => {
    expect(failureOutcome({ networkError: true, code: null })).toBe('network_error');
    expect(failureOutcome({ networkError: false, code: 'TIMEOUT' })).toBe('still_processing');
    for (const code of ['PAYMENT_REQUIRED', 'CONFLICT', 'BAD_REQUEST', 'INTERNAL_SERVER_ERROR']) {
      expect(failureOutcome({ networkError: false, code })).toBe('answered');
    }
  });

  it('makes a new key after the server answered (e.g. card declined)', () => {
    const next = keys();
    const first = attemptFor(null, 'p', next);
    expect(attemptFor(afterFailure(first, 'answered'), 'p', next).key).toBe('key-2');
  });

  it('makes a new key when the form changed, since a reused key with another payload is refused', () => {
    const next = keys();
    const first = attemptFor(null, 'p', next);
    expect(attemptFor(afterFailure(first, 'network_error'), 'q', next).key).toBe('key-2');
  });
});
