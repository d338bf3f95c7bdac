import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createPrismaClient } from '@shop/db/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../infrastructure/log';
import { createServer } from '../../testing';
import { password, startHarness, unique, type Harness } from '../../../test/harness';

/** Every line the logger writes, parsed. */
function captureLog() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { lines, logger: createLogger({ mode: 'production', level: 'debug', destination }) };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const origin = 'http://localhost:3000';
const post = (base: string, path: string, body: unknown, cookie = '') =>
  fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });

let h: Harness;
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await h.close();
});
beforeAll(async () => {
  h = await startHarness('log');
});

describe('the API log', () => {
  it('records a 5xx with the request id the response carries, and no stack reaches the client', async () => {
    const { lines, logger } = captureLog();
    const brokenDb = createPrismaClient('postgresql://postgres@127.0.0.1:1/nowhere');
    const server = createServer({ db: brokenDb, allowedOrigins: [origin], logger });
    servers.push(server);
    const base = await listen(server);

    const response = await fetch(`${base}/trpc/catalog.categories`);
    const body = await response.text();

    expect(response.status).toBe(500);
    expect(body).not.toMatch(/at .+\.(ts|js):\d+/);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    const entry = lines.find((line) => line.event === 'http.5xx');
    expect(entry).toMatchObject({ requestId, path: 'catalog.categories', level: 50 });
    await brokenDb.$disconnect();
  });

  it('never writes a password, a session token or a card number', async () => {
    const { lines, logger } = captureLog();
    const server = createServer({ db: h.prisma, allowedOrigins: [origin], logger });
    servers.push(server);
    const base = await listen(server);
    const email = `${unique('log')}@shop.test`;
    const wrongPassword = 'wrong-password-for-the-log';
    const newPassword = 'a-brand-new-secret-password';

    const signUp = await post(base, 'auth.signUp', { name: 'Log', email, password });
    const token = /shop_session=([^;]+)/.exec(signUp.headers.get('set-cookie') ?? '')?.[1] ?? '';
    await post(base, 'auth.logIn', { email, password: wrongPassword });
    await post(base, 'auth.logIn', { email, password });
    await post(
      base,
      'auth.changePassword',
      { currentPassword: password, newPassword },
      `shop_session=${token}`,
    );
    logger.info({ password, token, card: { cardNumber: '4242424242424242' } }, 'probe');

    const text = JSON.stringify(lines);
    expect(token).not.toBe('');
    for (const secret of [password, wrongPassword, newPassword, token, '4242424242424242']) {
      expect(text).not.toContain(secret);
    }
    expect(lines.find((line) => line.msg === 'probe')).toMatchObject({ password: '[redacted]' });
  });
});

describe('security events', () => {
  it('logs failed log-ins, lockouts, password changes and sign-up limits, with no secret in them', async () => {
    await h.prisma.rateLimit.deleteMany({ where: { bucket: 'sign-up' } });
    const { lines, logger } = captureLog();
    const server = createServer({
      db: h.prisma,
      allowedOrigins: [origin],
      logger,
      auth: { signUp: { max: 1, windowMinutes: 60 } },
    });
    servers.push(server);
    const base = await listen(server);
    const email = `${unique('events')}@shop.test`;
    const wrongPassword = 'a-wrong-password-for-events';
    const newPassword = 'the-next-password-for-events';

    const signUp = await post(base, 'auth.signUp', { name: 'Events', email, password });
    const token = /shop_session=([^;]+)/.exec(signUp.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const cookie = `shop_session=${token}`;
    const refusedSignUp = await post(base, 'auth.signUp', {
      name: 'Again',
      email: `${unique('events')}@shop.test`,
      password,
    });
    expect(refusedSignUp.status).toBe(429);

    await post(
      base,
      'auth.changePassword',
      { currentPassword: wrongPassword, newPassword },
      cookie,
    );
    const changed = await post(
      base,
      'auth.changePassword',
      { currentPassword: password, newPassword },
      cookie,
    );
    expect(changed.status).toBe(200);
    for (let i = 0; i < 6; i++) await post(base, 'auth.logIn', { email, password: wrongPassword });

    const events = lines.filter((line) => typeof line.event === 'string');
    const named = (event: string) => events.filter((line) => line.event === event);
    const userId = (lines.find((line) => line.event === 'auth.password_changed') ?? {}).userId;
    expect(userId).toEqual(expect.any(String));

    expect(named('auth.signup_throttled')).toEqual([
      expect.objectContaining({
        level: 40,
        clientAddress: '127.0.0.1',
        requestId: expect.any(String) as string,
      }),
    ]);
    expect(named('auth.password_change_failed')).toEqual([
      expect.objectContaining({ level: 40, userId }),
    ]);
    expect(named('auth.password_changed')).toEqual([
      expect.objectContaining({ level: 30, userId }),
    ]);
    expect(named('auth.login_failed')).toHaveLength(5);
    expect(named('auth.login_failed')[0]).toMatchObject({ level: 40, email });
    expect(named('auth.login_throttled')).toEqual([
      expect.objectContaining({
        level: 40,
        email,
        retryAfterSeconds: expect.any(Number) as number,
      }),
    ]);

    const text = JSON.stringify(lines);
    for (const secret of [password, wrongPassword, newPassword, token]) {
      expect(text).not.toContain(secret);
    }
    const newToken = /shop_session=([^;]+)/.exec(changed.headers.get('set-cookie') ?? '')?.[1];
    expect(newToken).toBeTruthy();
    expect(text).not.toContain(newToken);
  });
});
