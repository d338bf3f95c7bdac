import { describe, expect, it } from 'vitest';
import { describeWait, judgeCount, windowSeconds } from './attempt-limit';

describe('judging a counted attempt', () => {
  it('lets the first `max` of a window through and tells the rest how long to wait', () => {
    const limit = { max: 2, windowMinutes: 60 };
    expect(judgeCount({ count: 2, retryAfterSeconds: 10 }, limit, 'Too many')).toEqual({
      allowed: true,
    });
    expect(judgeCount({ count: 3, retryAfterSeconds: 3_000 }, limit, 'Too many')).toEqual({
      allowed: false,
      message: 'Too many. Try again in 50 minutes.',
      retryAfterSeconds: 3_000,
    });
  });
});

describe('the wait, in words', () => {
  it('counts seconds under a minute and a half, whole minutes (rounded up) above', () => {
    expect(describeWait(1)).toBe('in 1 second');
    expect(describeWait(89)).toBe('in 89 seconds');
    expect(describeWait(90)).toBe('in 2 minutes');
    expect(describeWait(841)).toBe('in 15 minutes');
  });
});

describe('the window', () => {
  it('is whole seconds, never zero', () => {
    expect(windowSeconds({ max: 5, windowMinutes: 15 })).toBe(900);
    expect(windowSeconds({ max: 1, windowMinutes: 0.001 })).toBe(1);
  });
});
