/**
 * Sessions end after 30 days whatever happens, and after 7 days without use (configurable).
 * `lastUsedAt` is refreshed at most about once an hour, not written on every request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedUpShopper, startHarness, type Harness } from './harness';
import { createCaller, createContext, createMemoryCookieJar, sessionCookie } from '../src/testing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('idle');
});
afterAll(async () => {
  await h.close();
});

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60 * 1000);

async function lastUsed(userId: string) {
  const session = await h.prisma.session.findFirstOrThrow({ where: { userId } });
  return session.lastUsedAt;
}

describe('session idle timeout', () => {
  it('refuses and deletes a session unused for more than 7 days, though its 30 days have not run out', async () => {
    const shopper = await signedUpShopper(h.prisma);
    await h.prisma.session.updateMany({
      where: { userId: shopper.user.id },
      data: { lastUsedAt: hoursAgo(7 * 24 + 1) },
    });
    expect(await shopper.caller.auth.me()).toBeNull();
    await expect(shopper.caller.orders.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await h.prisma.session.count({ where: { userId: shopper.user.id } })).toBe(0);
    expect(shopper.cookies.get(sessionCookie)).toBeUndefined();
  });

  it('keeps a session used within the idle timeout', async () => {
    const shopper = await signedUpShopper(h.prisma);
    await h.prisma.session.updateMany({
      where: { userId: shopper.user.id },
      data: { lastUsedAt: hoursAgo(6 * 24) },
    });
    expect(await shopper.caller.auth.me()).toMatchObject({ id: shopper.user.id });
  });

  it('takes the idle timeout from the settings', async () => {
    const shopper = await signedUpShopper(h.prisma);
    await h.prisma.session.updateMany({
      where: { userId: shopper.user.id },
      data: { lastUsedAt: hoursAgo(2) },
    });
    const strict = createCaller(() =>
      createContext({
        db: h.prisma,
        cookies: createMemoryCookieJar({
          [sessionCookie]: shopper.cookies.get(sessionCookie) ?? '',
        }),
        auth: { sessionIdleDays: 1 / 24 },
      }),
    );
    expect(await strict.auth.me()).toBeNull();
  });

  it('refreshes lastUsedAt at most about once an hour', async () => {
    const shopper = await signedUpShopper(h.prisma);
    const recent = hoursAgo(0.5);
    await h.prisma.session.updateMany({
      where: { userId: shopper.user.id },
      data: { lastUsedAt: recent },
    });
    await shopper.caller.auth.me();
    await shopper.caller.cart.get();
    expect((await lastUsed(shopper.user.id)).getTime()).toBe(recent.getTime());

    await h.prisma.session.updateMany({
      where: { userId: shopper.user.id },
      data: { lastUsedAt: hoursAgo(1.5) },
    });
    const before = Date.now();
    await shopper.caller.auth.me();
    expect((await lastUsed(shopper.user.id)).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('a fresh session starts with lastUsedAt now', async () => {
    const before = Date.now() - 1000;
    const shopper = await signedUpShopper(h.prisma);
    expect((await lastUsed(shopper.user.id)).getTime()).toBeGreaterThanOrEqual(before);
  });
});
