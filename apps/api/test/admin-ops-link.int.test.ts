import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, loggedInAdmin, signedUpShopper, startHarness, type Harness } from './harness';

/** The development secret both services default to (apps/api and apps/worker env tables). */
const devSecret = 'dev-only-ops-ticket-secret-change-me';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('ops_link');
});
afterAll(async () => {
  await h.close();
});

describe('admin.opsLink', () => {
  it('gives an admin a one-minute, signed link to the worker’s queue board', async () => {
    const admin = await loggedInAdmin(h.prisma);
    const before = Math.floor(Date.now() / 1000);
    const link = await admin.caller.admin.opsLink();

    const url = new URL(link.url);
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:4300/admin/queues/login');
    const [text = '', signature, extra] = (url.searchParams.get('ticket') ?? '').split('.');
    expect(extra).toBeUndefined();
    expect(signature).toBe(createHmac('sha256', devSecret).update(text).digest('base64url'));
    const payload = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as {
      sub: string;
      exp: number;
      nonce: string;
    };
    expect(Object.keys(payload)).toEqual(['sub', 'exp', 'nonce']);
    expect(payload.sub).toBe((await admin.caller.auth.me())?.id);
    expect(payload.exp - before).toBeGreaterThanOrEqual(59);
    expect(payload.exp - before).toBeLessThanOrEqual(61);
    expect(payload.nonce).toMatch(/^[\w-]{22,}$/);
    expect(new Date(link.expiresAt).getTime()).toBe(payload.exp * 1000);

    const again = await admin.caller.admin.opsLink();
    expect(again.url).not.toBe(link.url);
  });

  it('refuses shoppers with FORBIDDEN and guests with UNAUTHORIZED', async () => {
    const shopper = await signedUpShopper(h.prisma);
    await expect(shopper.caller.admin.opsLink()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(browser(h.prisma).caller.admin.opsLink()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});
