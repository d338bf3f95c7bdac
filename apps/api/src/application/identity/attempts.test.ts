import { describe, expect, it } from 'vitest';
import type { AttemptCounter } from '@shop/domain/identity/attempt-counter';
import type { PasswordHasher } from '@shop/domain/identity/password-hasher';
import { ServerBusy, TooManyAttempts } from '@shop/domain/shared/errors';
import { countAttempt, countAttempts, countedHasher } from './attempts';

/** Counters in memory, with a window that never ends. */
function memoryCounter() {
  const hits = new Map<string, number>();
  const counter: AttemptCounter = {
    count: (action, key) => {
      const count = (hits.get(`${action}:${key}`) ?? 0) + 1;
      hits.set(`${action}:${key}`, count);
      return Promise.resolve({ count, retryAfterSeconds: 60 });
    },
    clear: (action, key) => Promise.resolve(void hits.delete(`${action}:${key}`)),
    uncount: (action, key) => {
      hits.set(`${action}:${key}`, Math.max(0, (hits.get(`${action}:${key}`) ?? 0) - 1));
      return Promise.resolve();
    },
  };
  return { counter, hits };
}

const busy: PasswordHasher = {
  hash: () => Promise.reject(new ServerBusy()),
  verify: () => Promise.reject(new ServerBusy()),
  verifyAgainstDummy: () => Promise.reject(new ServerBusy()),
};

describe('attempts are counted before the work', () => {
  it('lets the first five through and refuses the sixth', async () => {
    const { counter } = memoryCounter();
    const limit = { max: 5, windowMinutes: 1 };
    for (let i = 0; i < 5; i++) await countAttempt(counter, 'log-in', 'a@shop.test', limit);
    await expect(countAttempt(counter, 'log-in', 'a@shop.test', limit)).rejects.toThrow(
      new TooManyAttempts('Too many log-in attempts for this email. Try again in 60 seconds.', 60),
    );
  });

  it('gives a counted check back when the server was too busy to make it', async () => {
    const { counter, hits } = memoryCounter();
    await counter.count('log-in', 'a@shop.test', 60);
    const hasher = countedHasher(busy, counter, 'log-in', 'a@shop.test');
    await expect(hasher.verify('hash', 'pw')).rejects.toThrow(ServerBusy);
    await expect(hasher.verifyAgainstDummy('pw')).rejects.toThrow(ServerBusy);
    expect(hits.get('log-in:a@shop.test')).toBe(0);
  });

  it('keeps the count when a new password could not be hashed (the check was made)', async () => {
    const { counter, hits } = memoryCounter();
    await counter.count('change-password', 'u1', 60);
    const hasher = countedHasher(busy, counter, 'change-password', 'u1');
    await expect(hasher.hash('new password')).rejects.toThrow(ServerBusy);
    expect(hits.get('change-password:u1')).toBe(1);
  });

  it('stops at the first counter that refuses and gives back the counts before it', async () => {
    const { counter, hits } = memoryCounter();
    const counters = [
      {
        action: 'log-in' as const,
        key: 'a@shop.test 192.0.2.1',
        limit: { max: 5, windowMinutes: 1 },
      },
      {
        action: 'log-in-any-address' as const,
        key: 'a@shop.test',
        limit: { max: 1, windowMinutes: 1 },
      },
    ];
    await countAttempts(counter, counters);
    await expect(countAttempts(counter, counters)).rejects.toThrow(TooManyAttempts);
    expect(hits.get('log-in:a@shop.test 192.0.2.1')).toBe(1);
    expect(hits.get('log-in-any-address:a@shop.test')).toBe(2);
  });
});
