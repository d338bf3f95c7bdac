import { describe, expect, it } from 'vitest';
import { judgeCount } from '../shared/attempt-limit';
import { defaultAuthLimits, refusalFor, type ThrottledAction } from './throttle-policy';

const judgeAttempt = (
  action: ThrottledAction,
  attempt: { count: number; retryAfterSeconds: number },
  limit: { max: number; windowMinutes: number },
) => judgeCount(attempt, limit, refusalFor(action));

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
    const refused = (action: ThrottledAction) => {
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
