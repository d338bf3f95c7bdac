/**
 * The API as `npm start` runs it: src/main.ts in its own process, configured only through its
 * environment, answering over HTTP. The rest of the suite wires its own app; this file checks
 * that the entry reads each limit and starts the reservation sweeper. Clients other than the test
 * itself are told apart by `X-Forwarded-For` (the test's 127.0.0.1 is a trusted proxy).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@shop/db/client';
import { createTestDatabase, type TestDatabase } from '@shop/db/testing';
import { address, createProduct, password, unique } from './harness';

const apiDir = fileURLToPath(new URL('..', import.meta.url));
const origin = 'http://shop.test';
const headers = { 'content-type': 'application/json', origin };

let database: TestDatabase;
let prisma: PrismaClient;
let api: ChildProcess;
let base: string;
let output = '';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function untilHealthy(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`${base}/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (api.exitCode !== null || Date.now() > deadline)
      throw new Error(`the API did not become healthy:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  database = await createTestDatabase('api_main_entry');
  prisma = createPrismaClient(database.url, { max: 2 });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  api = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      PORT: String(port),
      ALLOWED_ORIGINS: origin,
      LOGIN_MAX_ATTEMPTS: '2',
      SIGNUP_MAX_PER_ADDRESS: '2',
      MAX_BATCH_SIZE: '2',
      RESERVATION_MINUTES: '0.01',
      SESSION_IDLE_DAYS: '1',
      PASSWORD_HASH_CONCURRENCY: '1',
      PASSWORD_HASH_QUEUE: '4',
      PASSWORD_HASH_PER_CLIENT: '1',
      GUEST_CARTS_PER_ADDRESS: '2',
      GUEST_CARTS_WINDOW_MINUTES: '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout?.on('data', (chunk) => (output += String(chunk)));
  api.stderr?.on('data', (chunk) => (output += String(chunk)));
  await untilHealthy(60_000);
}, 90_000);

afterAll(async () => {
  if (api && api.exitCode === null) {
    const exited = new Promise((resolve) => api.once('exit', resolve));
    api.kill('SIGTERM');
    await exited;
  }
  await prisma?.$disconnect();
  await database?.drop();
});

async function call(path: string, input: unknown) {
  const response = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { error?: { data: { code: string } } };
  return { status: response.status, code: body.error?.data.code };
}

/** A mutation from the client at `address`, as the trusted local proxy forwards it. */
function callFrom(address: string, path: string, input: unknown, cookie?: string) {
  return fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { ...headers, 'x-forwarded-for': address, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(input),
  });
}

const serverBusy = 'The server is busy. Please try again in a moment.';

/** The error messages of log-ins for unknown emails sent all at once, one per address. */
async function logInBurst(addresses: string[]): Promise<(string | undefined)[]> {
  const answers = await Promise.all(
    addresses.map((from) =>
      callFrom(from, 'auth.logIn', { email: `${unique('nobody')}@shop.test`, password }),
    ),
  );
  const bodies = await Promise.all(
    answers.map((answer) => answer.json() as Promise<{ error?: { message: string } }>),
  );
  return bodies.map((body) => body.error?.message);
}

/**
 * Bursts of log-ins, each answered only once every password check in it is done, until one is
 * told the server is busy (the burst's checks overlapped); at most `tries` bursts.
 */
async function someBusy(addresses: () => string[], tries = 5): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if ((await logInBurst(addresses())).includes(serverBusy)) return true;
  }
  return false;
}

const signUp = (email: string) => call('auth.signUp', { name: 'Entry', email, password });

describe('the API entry, configured by its environment', () => {
  it('takes SIGNUP_MAX_PER_ADDRESS and LOGIN_MAX_ATTEMPTS', async () => {
    const email = `${unique('entry')}@shop.test`;
    expect((await signUp(email)).status).toBe(200);
    expect((await signUp(`${unique('entry')}@shop.test`)).status).toBe(200);
    expect(await signUp(`${unique('entry')}@shop.test`)).toEqual({
      status: 429,
      code: 'TOO_MANY_REQUESTS',
    });

    for (let attempt = 0; attempt < 2; attempt++)
      expect((await call('auth.logIn', { email, password: 'wrong-password' })).status).toBe(401);
    expect(await call('auth.logIn', { email, password })).toEqual({
      status: 429,
      code: 'TOO_MANY_REQUESTS',
    });
  });

  it('takes MAX_BATCH_SIZE', async () => {
    const batch = (calls: number) =>
      fetch(`${base}/trpc/${Array(calls).fill('catalog.categories').join(',')}?batch=1`, {
        headers,
      });
    expect((await batch(2)).status).toBe(200);
    expect((await batch(3)).status).toBe(400);
  });

  it('runs the reservation sweeper with RESERVATION_MINUTES', async () => {
    const product = await createProduct(prisma, { stock: 4 });
    const user = await prisma.user.create({
      data: { name: 'Stuck', email: `${unique('stuck')}@shop.test`, passwordHash: 'x' },
    });
    const order = await prisma.order.create({
      data: {
        userId: user.id,
        idempotencyKey: randomUUID(),
        requestHash: 'stuck',
        status: 'PENDING_PAYMENT',
        totalAmount: product.priceAmount,
        currency: 'KRW',
        shipFullName: address.fullName,
        shipAddress: address.address,
        shipCity: address.city,
        shipPostalCode: address.postalCode,
        shipCountry: address.country,
        lines: {
          create: {
            productId: product.id,
            name: product.name,
            unitPrice: product.priceAmount,
            quantity: 1,
            lineTotal: product.priceAmount,
          },
        },
        history: { create: { status: 'PENDING_PAYMENT' } },
      },
    });

    await expect
      .poll(
        async () => (await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status,
        { timeout: 30_000, interval: 100 },
      )
      .toBe('CANCELLED');
  });

  it('takes SESSION_IDLE_DAYS: a session unused for two days is refused, one used within a day is kept', async () => {
    const email = `${unique('idle')}@shop.test`;
    const signedUp = await callFrom('198.51.100.30', 'auth.signUp', {
      name: 'Idle',
      email,
      password,
    });
    expect(signedUp.status).toBe(200);
    const cookie = signedUp.headers
      .getSetCookie()
      .map((line) => line.split(';')[0] ?? '')
      .find((pair) => pair.startsWith('shop_session='));
    expect(cookie).toBeDefined();
    const me = async () => {
      const response = await fetch(`${base}/trpc/auth.me`, { headers: { cookie: cookie ?? '' } });
      return ((await response.json()) as { result: { data: { email: string } | null } }).result
        .data;
    };
    const lastUsed = (hoursAgo: number) =>
      prisma.session.updateMany({
        where: { user: { email } },
        data: { lastUsedAt: new Date(Date.now() - hoursAgo * 60 * 60_000) },
      });

    await lastUsed(20);
    expect(await me()).toMatchObject({ email });
    // Under the default of seven days this session would still be good.
    await lastUsed(48);
    expect(await me()).toBeNull();
    expect(await prisma.session.count({ where: { user: { email } } })).toBe(0);
  });

  it('takes PASSWORD_HASH_PER_CLIENT: one address gets one password check at a time, and is told the server is busy beyond it', async () => {
    // Three addresses at once fit the queue (one running, four waiting): never busy.
    for (let i = 0; i < 3; i++) {
      const messages = await logInBurst(['198.51.100.41', '198.51.100.42', '198.51.100.43']);
      expect(messages).toEqual(Array(3).fill('Invalid email or password'));
    }
    // Three at once from one address go beyond its share of one.
    expect(await someBusy(() => Array<string>(3).fill('198.51.100.44'))).toBe(true);
  });

  it('takes PASSWORD_HASH_CONCURRENCY and PASSWORD_HASH_QUEUE: more checks at once than one running and four waiting are told the server is busy', async () => {
    // Twelve addresses, each within its share; the defaults (2 running, 32 waiting) would take them all.
    const twelve = () => Array.from({ length: 12 }, (_, i) => `203.0.113.${i + 1}`);
    expect(await someBusy(twelve)).toBe(true);
  });

  it('takes GUEST_CARTS_PER_ADDRESS and GUEST_CARTS_WINDOW_MINUTES', async () => {
    const product = await createProduct(prisma, { stock: 10 });
    const add = () => callFrom('198.51.100.50', 'cart.add', { productId: product.id, quantity: 1 });
    expect((await add()).status).toBe(200);
    expect((await add()).status).toBe(200);
    const refused = await add();
    expect(refused.status).toBe(429);
    // The window is two minutes, not the default hour.
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(120);
  });
});
