/**
 * Password guessing is limited however the guesses arrive: one batch, parallel requests, or both.
 * Each attempt is counted before its password is checked, so the count of "Invalid email or
 * password" answers is the count of passwords verified.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, password, signedUpShopper, startHarness, unique, type Harness } from './harness';
import {
  type ServerOptions,
  createCaller,
  createContext,
  createMemoryCookieJar,
  createServer,
} from '../src/testing';

let h: Harness;
let base = '';
let wideBatchBase = '';
const servers: Server[] = [];
const origin = 'http://localhost:3000';

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  h = await startHarness('throttle');
  base = await listen(createServer({ db: h.prisma, allowedOrigins: [origin] }));
  // Batches far above the default cap, to show the throttle holds on its own.
  wideBatchBase = await listen(
    createServer({ db: h.prisma, allowedOrigins: [origin], maxBatchSize: 100 }),
  );
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await h.close();
});

interface Outcome {
  result?: unknown;
  error?: { message: string; data: { code: string; httpStatus: number } };
}

const headers = { 'content-type': 'application/json', origin };

async function logInOnce(url: string, email: string, pw: string): Promise<Outcome> {
  const response = await fetch(`${url}/trpc/auth.logIn`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, password: pw }),
  });
  return (await response.json()) as Outcome;
}

async function logInBatch(url: string, email: string, pw: string, calls: number) {
  const paths = Array.from({ length: calls }, () => 'auth.logIn').join(',');
  const body = Object.fromEntries(
    Array.from({ length: calls }, (_, i) => [i, { email, password: pw }]),
  );
  const response = await fetch(`${url}/trpc/${paths}?batch=1`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Outcome | Outcome[] };
}

function tally(outcomes: Outcome[]) {
  const count = (code: string) => outcomes.filter((o) => o.error?.data.code === code).length;
  return {
    verified: count('UNAUTHORIZED'),
    throttled: count('TOO_MANY_REQUESTS'),
    other: outcomes.filter(
      (o) => !['UNAUTHORIZED', 'TOO_MANY_REQUESTS'].includes(o.error?.data.code ?? ''),
    ),
  };
}

const throttledMessage = /^Too many log-in attempts for this email\. Try again in \d+ minutes\.$/;

async function expectLockedOut(email: string) {
  const right = await logInOnce(base, email, password);
  expect(right.error?.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', httpStatus: 429 });
  expect(right.error?.message).toMatch(throttledMessage);
}

describe('log-in throttling', () => {
  it('verifies at most five passwords from one 30-call batch, then refuses the right one too', async () => {
    const { email } = await signedUpShopper(h.prisma);
    const { body } = await logInBatch(wideBatchBase, email, 'wrong-password', 30);
    expect(Array.isArray(body)).toBe(true);
    const { verified, throttled, other } = tally(body as Outcome[]);
    expect(other).toEqual([]);
    expect(verified).toBe(5);
    expect(throttled).toBe(25);
    await expectLockedOut(email);
  });

  it('verifies at most five passwords from 30 parallel requests', async () => {
    const { email } = await signedUpShopper(h.prisma);
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () => logInOnce(base, email, 'wrong-password')),
    );
    const { verified, throttled, other } = tally(outcomes);
    expect(other).toEqual([]);
    expect(verified).toBe(5);
    expect(throttled).toBe(25);
    await expectLockedOut(email);

    const refused = await fetch(`${base}/trpc/auth.logIn`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email, password }),
    });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('verifies at most five passwords from parallel batches and single requests together', async () => {
    const { email } = await signedUpShopper(h.prisma);
    const [batches, singles] = await Promise.all([
      Promise.all([1, 2, 3].map(() => logInBatch(base, email, 'wrong-password', 10))),
      Promise.all(Array.from({ length: 10 }, () => logInOnce(base, email, 'wrong-password'))),
    ]);
    const outcomes = [...batches.flatMap(({ body }) => body as Outcome[]), ...singles];
    expect(outcomes).toHaveLength(40);
    const { verified, throttled, other } = tally(outcomes);
    expect(other).toEqual([]);
    expect(verified).toBe(5);
    expect(throttled).toBe(35);
    await expectLockedOut(email);
  });

  it('counts unknown emails the same way', async () => {
    const email = `${unique('nobody')}@shop.test`;
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () => logInOnce(base, email, 'whatever-password')),
    );
    expect(tally(outcomes)).toMatchObject({ verified: 5, throttled: 7 });
  });

  it('refuses a batch above the cap with a readable 400, before running any of it', async () => {
    const { email } = await signedUpShopper(h.prisma);
    for (const calls of [50, 11]) {
      const { status, body } = await logInBatch(base, email, 'wrong-password', calls);
      expect(status).toBe(400);
      expect(body).toMatchObject({
        error: {
          message: 'Too many calls in one batch: at most 10 are allowed',
          data: { code: 'BAD_REQUEST', httpStatus: 400 },
        },
      });
    }
    // Commas written as %2C are still counted.
    const encoded = Array.from({ length: 12 }, () => 'catalog.categories').join('%2C');
    const sneaky = await fetch(`${base}/trpc/${encoded}?batch=1`);
    expect(sneaky.status).toBe(400);
    // Nothing in the refused batches was attempted: the email has all its tries.
    expect(await h.prisma.rateLimit.count({ where: { key: email } })).toBe(0);
    const ten = Array.from({ length: 10 }, () => 'catalog.categories').join(',');
    expect((await fetch(`${base}/trpc/${ten}?batch=1`)).status).toBe(200);
  });
});

describe('password change throttling', () => {
  it('checks at most five current passwords per account per window; a stolen session cannot keep guessing', async () => {
    const shopper = await signedUpShopper(h.prisma);
    const guesses = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        shopper.caller.auth.changePassword({
          currentPassword: `guess-number-${i}`,
          newPassword: 'brand-new-secret',
        }),
      ),
    );
    const codes = guesses.map((g) =>
      g.status === 'rejected' ? (g.reason as { code: string }).code : 'OK',
    );
    expect(codes.filter((c) => c === 'BAD_REQUEST')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(7);

    await expect(
      shopper.caller.auth.changePassword({
        currentPassword: password,
        newPassword: 'new-secret-1',
      }),
    ).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/^Too many password change attempts\. Try again in/) as string,
    });
    // The limit is per account: the log-in counter of the same email is untouched.
    await expect(
      browser(h.prisma).caller.auth.logIn({ email: shopper.email, password }),
    ).resolves.toMatchObject({ id: shopper.user.id });
  });

  it('a successful change clears the count', async () => {
    const shopper = await signedUpShopper(h.prisma);
    for (let i = 0; i < 4; i++) {
      await expect(
        shopper.caller.auth.changePassword({
          currentPassword: 'nope-nope',
          newPassword: 'x'.repeat(12),
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    await shopper.caller.auth.changePassword({
      currentPassword: password,
      newPassword: 'second-secret',
    });
    for (let i = 0; i < 5; i++) {
      await expect(
        shopper.caller.auth.changePassword({
          currentPassword: 'nope-nope',
          newPassword: 'x'.repeat(12),
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
  });
});

describe('sign-up rate limit per client address', () => {
  const limited = (extra: Partial<ServerOptions>) =>
    listen(
      createServer({
        db: h.prisma,
        allowedOrigins: [origin],
        auth: { signUp: { max: 3, windowMinutes: 60 } },
        ...extra,
      }),
    );

  const signUp = (url: string, forwardedFor?: string) =>
    fetch(`${url}/trpc/auth.signUp`, {
      method: 'POST',
      headers: { ...headers, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      body: JSON.stringify({ name: 'Many', email: `${unique('many')}@shop.test`, password }),
    });

  it('refuses sign-ups above the limit from one address, and counts each forwarded client apart', async () => {
    const url = await limited({});
    for (let i = 0; i < 3; i++) expect((await signUp(url)).status).toBe(200);
    const refused = await signUp(url);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as Outcome).error?.message).toMatch(
      /^Too many sign-ups from your network\. Try again in \d+ minutes\.$/,
    );

    // Through the trusted local proxy, each forwarded client has its own allowance.
    for (let i = 0; i < 3; i++) expect((await signUp(url, '198.51.100.7')).status).toBe(200);
    expect((await signUp(url, '198.51.100.7')).status).toBe(429);
    expect((await signUp(url, '198.51.100.8')).status).toBe(200);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    await h.prisma.rateLimit.deleteMany({ where: { bucket: 'sign-up' } });
    const url = await limited({ trustedProxies: [] });
    for (let i = 0; i < 3; i++) expect((await signUp(url, `203.0.113.${i}`)).status).toBe(200);
    expect((await signUp(url, '203.0.113.99')).status).toBe(429);
    expect((await signUp(url)).status).toBe(429);
  });

  it('does not limit in-process callers, which have no address', async () => {
    const caller = createCaller(() =>
      createContext({
        db: h.prisma,
        cookies: createMemoryCookieJar(),
        auth: { signUp: { max: 1, windowMinutes: 60 } },
      }),
    );
    for (let i = 0; i < 3; i++) {
      const email = `${unique('inproc')}@shop.test`;
      await expect(caller.auth.signUp({ name: 'In', email, password })).resolves.toMatchObject({
        email,
      });
    }
  });
});
