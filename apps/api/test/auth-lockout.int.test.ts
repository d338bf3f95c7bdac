/**
 * Guessing is limited per e-mail *and client address*: an attacker who spends an e-mail's tries
 * from one address locks out only that address; the owner elsewhere still logs in. A cap over all
 * addresses together still bounds a guesser spread over many.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { password, signedUpShopper, startHarness, type Harness } from './harness';
import {
  createCaller,
  createContext,
  createMemoryCookieJar,
  type CreateContextOptions,
} from '../src/testing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('lockout');
});
afterAll(async () => {
  await h.close();
});

/** A browser at `clientAddress`, as the HTTP server would describe its requests. */
function browserAt(clientAddress: string, auth?: CreateContextOptions['auth']) {
  const cookies = createMemoryCookieJar();
  return createCaller(() =>
    createContext({
      db: h.prisma,
      cookies,
      request: { contentType: 'application/json', clientAddress },
      ...(auth ? { auth } : {}),
    }),
  );
}

const throttled = { code: 'TOO_MANY_REQUESTS' };

describe('a lock-out by someone else', () => {
  it('refuses the guessing address, and lets the owner in from another', async () => {
    const victim = await signedUpShopper(h.prisma);
    const attacker = browserAt('198.51.100.66');
    for (let i = 0; i < 5; i++) {
      await expect(
        attacker.auth.logIn({ email: victim.email, password: `guess-${i}-guess` }),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    await expect(
      attacker.auth.logIn({ email: victim.email, password: 'guess-6-guess' }),
    ).rejects.toMatchObject(throttled);

    await expect(
      browserAt('203.0.113.10').auth.logIn({ email: victim.email, password }),
    ).resolves.toMatchObject({ id: victim.user.id });
    // The owner's success does not give the guessing address its tries back.
    await expect(attacker.auth.logIn({ email: victim.email, password })).rejects.toMatchObject(
      throttled,
    );
  });

  it('still caps the tries for one e-mail over all addresses together', async () => {
    const victim = await signedUpShopper(h.prisma);
    const auth = {
      logIn: { max: 2, windowMinutes: 15 },
      logInPerEmail: { max: 4, windowMinutes: 15 },
    };
    for (const address of ['192.0.2.1', '192.0.2.2']) {
      const guesser = browserAt(address, auth);
      for (let i = 0; i < 2; i++) {
        await expect(
          guesser.auth.logIn({ email: victim.email, password: 'wrong-wrong' }),
        ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      }
    }
    await expect(
      browserAt('192.0.2.3', auth).auth.logIn({ email: victim.email, password }),
    ).rejects.toMatchObject(throttled);
  });
});
