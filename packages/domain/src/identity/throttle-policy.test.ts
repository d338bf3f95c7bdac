import { describe, expect, it } from 'vitest';
import { defaultAuthLimits, describeWait, judgeAttempt, windowSeconds } from './throttle-policy';

const limit = { max: 5, windowMinutes: 15 };

describe('judging a counted attempt', () => {
  it('lets the first five of a window through and refuses the sixth on', () => {
    expect(judgeAttempt('log-in', { count: 1, retryAfterSeconds: 900 }, limit)).toEqual({
      allowed: true,
    });
    expect(judgeAttempt('log-in', { count: 5, retryAfterSeconds: 10 }, limit).allowed).toBe(true);
    expect(judgeAttempt('log-in', { count: 6, retryAfterSeconds: 899 }, limit)).toEqual({
      allowed: false,
      message: 'Too many log-in attempts for this email. Try again in 15 minutes.',
      retryAfterSeconds: 899,
    });
  });

  it('words each refusal for its action', () => {
    const refused = (action: Parameters<typeof judgeAttempt>[0]) => {
      const verdict = judgeAttempt(action, { count: 99, retryAfterSeconds: 40 }, limit);
      return verdict.allowed ? '' : verdict.message;
    };
    expect(refused('change-password')).toBe(
      'Too many password change attempts. Try again in 40 seconds.',
    );
    expect(refused('log-in-any-address')).toBe(
      'Too many log-in attempts for this email. Try again in 40 seconds.',
    );
    expect(refused('sign-up')).toBe(
      'Too many sign-ups from your network. Try again in 40 seconds.',
    );
  });
});

describe('the default log-in limits', () => {
  it('cap one email over all addresses several times above one address', () => {
    const { logIn, logInPerEmail } = defaultAuthLimits;
    expect(logInPerEmail.max).toBeGreaterThanOrEqual(5 * logIn.max);
    expect(logInPerEmail.windowMinutes).toBe(logIn.windowMinutes);
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
    expect(windowSeconds(defaultAuthLimits.logIn)).toBe(900);
    expect(windowSeconds({ max: 1, windowMinutes: 0.001 })).toBe(1);
  });
});
