import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, password, signedUpShopper, startHarness, unique, type Harness } from './harness';
import { hashToken, sessionCookie } from '../src/testing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('auth');
});
afterAll(async () => {
  await h.close();
});

const invalid = { code: 'UNAUTHORIZED', message: 'Invalid email or password' };

describe('auth.signUp', () => {
  it('normalizes the email, hashes with argon2id at OWASP parameters and starts a session', async () => {
    const guest = browser(h.prisma);
    const local = unique('Mixed.Case');
    const user = await guest.caller.auth.signUp({
      name: 'Park Jiho',
      email: ` ${local}@Shop.TEST `,
      password,
    });

    expect(user).toMatchObject({
      name: 'Park Jiho',
      email: `${local.toLowerCase()}@shop.test`,
      role: 'CUSTOMER',
    });
    expect(await guest.caller.auth.me()).toEqual(user);
    const stored = await h.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const token = guest.cookies.get(sessionCookie);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = await h.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.tokenHash).toBe(hashToken(token ?? ''));
    expect(session.tokenHash).not.toContain(token);
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
  });

  it('refuses a second account for the same email', async () => {
    const { email } = await signedUpShopper(h.prisma);
    await expect(
      browser(h.prisma).caller.auth.signUp({ name: 'Again', email: email.toUpperCase(), password }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'An account with this email already exists',
    });
  });

  it('refuses a password equal to the email', async () => {
    const email = `${unique('same')}@shop.test`;
    await expect(
      browser(h.prisma).caller.auth.signUp({ name: 'Same', email, password: email }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('auth.logIn', () => {
  it('gives the same error for an unknown email and a wrong password', async () => {
    const { email } = await signedUpShopper(h.prisma);
    const guest = browser(h.prisma);
    await expect(
      guest.caller.auth.logIn({ email, password: 'wrong-password' }),
    ).rejects.toMatchObject(invalid);
    await expect(
      guest.caller.auth.logIn({ email: `${unique('nobody')}@shop.test`, password }),
    ).rejects.toMatchObject(invalid);
    expect(guest.cookies.get(sessionCookie)).toBeUndefined();

    const user = await guest.caller.auth.logIn({ email: email.toUpperCase(), password });
    expect(user.email).toBe(email);
    expect(await guest.caller.auth.me()).toEqual(user);
  });

  it('throttles an email after five failures until the window passes; success resets it', async () => {
    const { email } = await signedUpShopper(h.prisma);
    const guest = browser(h.prisma);
    for (let i = 0; i < 4; i++) {
      await expect(
        guest.caller.auth.logIn({ email, password: 'wrong-password' }),
      ).rejects.toMatchObject(invalid);
    }
    await guest.caller.auth.logIn({ email, password });
    for (let i = 0; i < 5; i++) {
      await expect(
        guest.caller.auth.logIn({ email, password: 'wrong-password' }),
      ).rejects.toMatchObject(invalid);
    }

    await expect(guest.caller.auth.logIn({ email, password })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    await expect(
      guest.caller.auth.logIn({ email: ` ${email.toUpperCase()}`, password }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });

    await h.prisma.rateLimit.update({
      where: { bucket_key: { bucket: 'log-in', key: email } },
      data: { resetAt: new Date(Date.now() - 1000) },
    });
    await expect(guest.caller.auth.logIn({ email, password })).resolves.toMatchObject({ email });
  });

  it('counts parallel guesses without losing any', async () => {
    const { email } = await signedUpShopper(h.prisma);
    const guest = browser(h.prisma);
    await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        guest.caller.auth.logIn({ email, password: 'wrong-password' }),
      ),
    );
    await expect(guest.caller.auth.logIn({ email, password })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
  });
});

describe('auth.logOut', () => {
  it('deletes the session and forgets the cookie', async () => {
    const shopper = await signedUpShopper(h.prisma);
    await expect(shopper.caller.auth.logOut()).resolves.toEqual({ ok: true });
    expect(shopper.cookies.get(sessionCookie)).toBeUndefined();
    expect(await h.prisma.session.count({ where: { userId: shopper.user.id } })).toBe(0);
    expect(await shopper.caller.auth.me()).toBeNull();
  });

  it('does not accept an expired session', async () => {
    const shopper = await signedUpShopper(h.prisma);
    await h.prisma.session.updateMany({
      where: { userId: shopper.user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await shopper.caller.auth.me()).toBeNull();
    await expect(shopper.caller.orders.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('auth.changePassword', () => {
  it('needs the current password, rotates this session and ends every other one', async () => {
    const here = await signedUpShopper(h.prisma);
    const elsewhere = browser(h.prisma);
    await elsewhere.caller.auth.logIn({ email: here.email, password });
    const before = here.cookies.get(sessionCookie);

    await expect(
      here.caller.auth.changePassword({
        currentPassword: 'not-my-password',
        newPassword: 'brand-new-secret',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      here.caller.auth.changePassword({
        currentPassword: password,
        newPassword: 'brand-new-secret',
      }),
    ).resolves.toEqual({ ok: true });

    expect(here.cookies.get(sessionCookie)).not.toBe(before);
    expect(await here.caller.auth.me()).toMatchObject({ id: here.user.id });
    expect(await elsewhere.caller.auth.me()).toBeNull();
    expect(await h.prisma.session.count({ where: { userId: here.user.id } })).toBe(1);

    const fresh = browser(h.prisma);
    await expect(fresh.caller.auth.logIn({ email: here.email, password })).rejects.toMatchObject(
      invalid,
    );
    await expect(
      fresh.caller.auth.logIn({ email: here.email, password: 'brand-new-secret' }),
    ).resolves.toMatchObject({
      id: here.user.id,
    });
  });
});
