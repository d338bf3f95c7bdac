/**
 * One client address may hold only a share of the password hashing queue: a flood of log-ins from
 * one address is refused beyond its share, and log-ins from other addresses still get their turn.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { password, signedUpShopper, startHarness, unique, type Harness } from './harness';
import {
  configurePasswordQueue,
  createCaller,
  createContext,
  createMemoryCookieJar,
  defaultQueueLimits,
  passwordQueue,
} from '../src/testing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('queueshare');
});
afterEach(() => configurePasswordQueue(defaultQueueLimits));
afterAll(async () => {
  await h.close();
});

/** A browser at `clientAddress`, as the HTTP server would describe its requests. */
function browserAt(clientAddress: string) {
  const cookies = createMemoryCookieJar();
  return createCaller(() =>
    createContext({
      db: h.prisma,
      cookies,
      request: { contentType: 'application/json', clientAddress },
    }),
  );
}

/** Polls `condition` until it holds, failing after `ms` (a deadline, not a measurement). */
async function until(condition: () => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met before the deadline');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const busy = 'The server is busy. Please try again in a moment.';

describe('a log-in flood from one address', () => {
  it('takes only its share of the hashing queue; other addresses still log in', async () => {
    const shoppers = await Promise.all([1, 2].map(() => signedUpShopper(h.prisma)));
    configurePasswordQueue({ concurrency: 1, maxWaiting: 4, maxPerClient: 2 });
    // The one running slot is held, so whatever the flood gets into the queue stays there.
    let release = () => {};
    const held = passwordQueue.run(() => new Promise<void>((resolve) => (release = resolve)));

    const flooder = browserAt('198.51.100.80');
    let settled = 0;
    const flood = Array.from({ length: 20 }, () =>
      flooder.auth
        .logIn({ email: `${unique('flood')}@shop.test`, password: 'some-guess-123' })
        .then(
          () => 'OK',
          (error: { message: string }) => error.message,
        )
        .finally(() => settled++),
    );
    // Every flood log-in has either been refused or is waiting in the queue.
    await until(() => settled + passwordQueue.waiting === flood.length);

    const owners = shoppers.map((shopper, i) =>
      browserAt(`203.0.113.${i + 1}`).auth.logIn({ email: shopper.email, password }),
    );
    await until(() => passwordQueue.waiting === 4);
    release();
    await held;

    await expect(Promise.all(owners)).resolves.toMatchObject(
      shoppers.map((shopper) => ({ id: shopper.user.id })),
    );
    const answers = await Promise.all(flood);
    expect(answers.filter((answer) => answer === busy)).toHaveLength(18);
    expect(answers.filter((answer) => answer === 'Invalid email or password')).toHaveLength(2);
  });
});
