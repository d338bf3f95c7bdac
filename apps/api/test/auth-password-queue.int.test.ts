/**
 * argon2 work runs behind one small bounded queue: when it is full, log-ins, sign-ups and password
 * changes are told at once that the server is busy, instead of waiting behind a flood of guesses.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browser, password, signedUpShopper, startHarness, unique, type Harness } from './harness';
import { configurePasswordQueue, defaultQueueLimits, passwordQueue } from '../src/testing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('pwqueue');
});
afterEach(() => configurePasswordQueue(defaultQueueLimits));
afterAll(async () => {
  await h.close();
});

/** Occupies every running slot and every waiting place of the queue until `release()`. */
function fillQueue(limits: { concurrency: number; maxWaiting: number }) {
  configurePasswordQueue(limits);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const jobs = Array.from({ length: limits.concurrency + limits.maxWaiting }, () =>
    passwordQueue.run(() => held),
  );
  return {
    async release() {
      release();
      await Promise.all(jobs);
    },
  };
}

const busy = {
  code: 'TOO_MANY_REQUESTS',
  message: 'The server is busy. Please try again in a moment.',
};

async function timed<T>(work: () => Promise<T>) {
  const start = performance.now();
  const outcome = await work().then(
    (value) => ({ value, error: undefined as unknown }),
    (error: unknown) => ({ value: undefined, error }),
  );
  return { ...outcome, ms: performance.now() - start };
}

describe('the password hashing queue', () => {
  it('answers log-ins, sign-ups and password changes with TOO_MANY_REQUESTS at once when full', async () => {
    const shopper = await signedUpShopper(h.prisma);
    const full = fillQueue({ concurrency: 1, maxWaiting: 2 });
    try {
      const logIn = await timed(() =>
        browser(h.prisma).caller.auth.logIn({ email: shopper.email, password }),
      );
      expect(logIn.error).toMatchObject(busy);
      expect(logIn.ms).toBeLessThan(1000);

      const signUp = await timed(() =>
        browser(h.prisma).caller.auth.signUp({
          name: 'Busy',
          email: `${unique('busy')}@shop.test`,
          password,
        }),
      );
      expect(signUp.error).toMatchObject(busy);

      const change = await timed(() =>
        shopper.caller.auth.changePassword({ currentPassword: password, newPassword: 'new-one-1' }),
      );
      expect(change.error).toMatchObject(busy);
    } finally {
      await full.release();
    }
    // A refusal for being busy is not held against the email: no password was checked.
    const row = await h.prisma.rateLimit.findUnique({
      where: { bucket_key: { bucket: 'log-in', key: shopper.email } },
    });
    expect(row?.hits ?? 0).toBe(0);
    await expect(
      browser(h.prisma).caller.auth.logIn({ email: shopper.email, password }),
    ).resolves.toMatchObject({ id: shopper.user.id });
  });

  it('keeps a flood of parallel log-ins bounded: the overflow is refused, the rest are served', async () => {
    configurePasswordQueue({ concurrency: 1, maxWaiting: 1 });
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, () =>
        timed(() =>
          browser(h.prisma).caller.auth.logIn({
            email: `${unique('flood')}@shop.test`,
            password: 'some-guess-123',
          }),
        ),
      ),
    );
    const refusedBusy = outcomes.filter(
      (o) => (o.error as { message?: string }).message === busy.message,
    );
    const checked = outcomes.filter((o) => (o.error as { code?: string }).code === 'UNAUTHORIZED');
    expect(refusedBusy.length + checked.length).toBe(40);
    expect(refusedBusy.length).toBeGreaterThan(0);
    expect(checked.length).toBeGreaterThanOrEqual(2);
  });
});
