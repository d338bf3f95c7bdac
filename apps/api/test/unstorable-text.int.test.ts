/**
 * Text PostgreSQL cannot store — a NUL, a lone UTF-16 surrogate — sent over HTTP to every string
 * field of every procedure: each is a 400 that names the field, and the database does not change.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  address,
  approvedCard,
  createProduct,
  password,
  startHarness,
  unique,
  type Harness,
} from './harness';
import { createServer, hashPassword } from '../src/testing';

const origin = 'http://localhost:3000';
/** What packages/contract/src/text.ts says about such characters. */
const unstorableText = /not allowed \(a NUL or an unpaired surrogate\)/;
let h: Harness;
let server: Server;
let base = '';

/** The cookies a response sets, as a Cookie request header. */
const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');

async function call(
  kind: 'query' | 'mutation',
  path: string,
  input: unknown,
  cookie = '',
): Promise<Response> {
  const headers: Record<string, string> = { origin, ...(cookie ? { cookie } : {}) };
  if (kind === 'query') {
    const query = encodeURIComponent(JSON.stringify(input));
    return fetch(`${base}/trpc/${path}?input=${query}`, { headers });
  }
  return fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
}

async function logIn(email: string): Promise<string> {
  const response = await call('mutation', 'auth.logIn', { email, password });
  expect(response.status).toBe(200);
  return cookiesOf(response);
}

/**
 * Every row of every table, so that any write shows. Sessions are compared by who holds them, not by
 * when they were last used.
 */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await h.prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`;
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const rows =
      name === 'Session'
        ? `SELECT id, "userId", "tokenHash" FROM "Session"`
        : `SELECT * FROM "${name.replace(/"/g, '""')}"`;
    const [row] = await h.prisma.$queryRawUnsafe<{ digest: string }[]>(
      `SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest
       FROM (${rows}) t`,
    );
    result[name] = row?.digest ?? '';
  }
  return result;
}

interface Case {
  procedure: string;
  kind: 'query' | 'mutation';
  as: 'guest' | 'shopper' | 'admin';
  input: Record<string, unknown>;
  /** Fields validated as free text: refused with the unstorable-text message. */
  text: string[][];
  /** Fields with a strict format (uuids): refused too, with the format's own message. */
  formatted?: string[][];
}

const id = '00000000-0000-4000-8000-000000000000';
let cases: Case[] = [];
const sessions = { guest: '', shopper: '', admin: '' };

beforeAll(async () => {
  h = await startHarness('unstorable_text');
  server = createServer({ db: h.prisma, allowedOrigins: [origin] });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const product = await createProduct(h.prisma, { categorySlug: 'nul-test' });
  await createProduct(h.prisma, { categorySlug: 'nul-test' });
  const firstPage = await call('query', 'catalog.list', {
    category: 'nul-test',
    sort: 'newest',
    limit: 1,
  });
  const cursor = ((await firstPage.json()) as { result: { data: { nextCursor: string } } }).result
    .data.nextCursor;
  expect(cursor).toEqual(expect.any(String));

  const shopperEmail = `${unique('nul')}@shop.test`;
  const adminEmail = `${unique('nul-admin')}@shop.test`;
  const signUp = await call('mutation', 'auth.signUp', {
    name: 'Nul',
    email: shopperEmail,
    password,
  });
  expect(signUp.status).toBe(200);
  sessions.shopper = cookiesOf(signUp);
  await h.prisma.user.create({
    data: {
      name: 'Admin',
      email: adminEmail,
      role: 'ADMIN',
      passwordHash: await hashPassword(password),
    },
  });
  sessions.admin = await logIn(adminEmail);
  const add = await call(
    'mutation',
    'cart.add',
    { productId: product.id, quantity: 1 },
    sessions.shopper,
  );
  expect(add.status).toBe(200);

  const fields = (object: object, ...prefix: string[]) =>
    Object.keys(object).map((key) => [...prefix, key]);
  cases = [
    {
      procedure: 'catalog.list',
      kind: 'query',
      as: 'guest',
      input: { q: 'Product', category: 'nul-test', sort: 'newest', limit: 1, cursor },
      text: [['q'], ['category'], ['cursor']],
    },
    {
      procedure: 'catalog.get',
      kind: 'query',
      as: 'guest',
      input: { slug: product.slug },
      text: [['slug']],
    },
    {
      procedure: 'auth.signUp',
      kind: 'mutation',
      as: 'guest',
      input: { name: 'Nul', email: `${unique('nul')}@shop.test`, password },
      text: [['name'], ['email'], ['password']],
    },
    {
      procedure: 'auth.logIn',
      kind: 'mutation',
      as: 'guest',
      input: { email: shopperEmail, password },
      text: [['email'], ['password']],
    },
    {
      procedure: 'auth.changePassword',
      kind: 'mutation',
      as: 'shopper',
      input: { currentPassword: password, newPassword: 'another-password' },
      text: [['currentPassword'], ['newPassword']],
    },
    {
      procedure: 'orders.place',
      kind: 'mutation',
      as: 'shopper',
      input: {
        idempotencyKey: 'nul-key-12345678',
        shippingAddress: address,
        payment: approvedCard,
      },
      text: [
        ['idempotencyKey'],
        ...fields(address, 'shippingAddress'),
        ...fields(approvedCard, 'payment'),
      ],
    },
    {
      procedure: 'cart.add',
      kind: 'mutation',
      as: 'shopper',
      input: { productId: product.id, quantity: 1 },
      text: [],
      formatted: [['productId']],
    },
    {
      procedure: 'cart.update',
      kind: 'mutation',
      as: 'shopper',
      input: { productId: product.id, quantity: 2 },
      text: [],
      formatted: [['productId']],
    },
    {
      procedure: 'cart.remove',
      kind: 'mutation',
      as: 'shopper',
      input: { productId: product.id },
      text: [],
      formatted: [['productId']],
    },
    {
      procedure: 'orders.get',
      kind: 'query',
      as: 'shopper',
      input: { id },
      text: [],
      formatted: [['id']],
    },
    {
      procedure: 'orders.cancel',
      kind: 'mutation',
      as: 'shopper',
      input: { id },
      text: [],
      formatted: [['id']],
    },
    {
      procedure: 'admin.orders.ship',
      kind: 'mutation',
      as: 'admin',
      input: { id },
      text: [],
      formatted: [['id']],
    },
    {
      procedure: 'admin.orders.deliver',
      kind: 'mutation',
      as: 'admin',
      input: { id },
      text: [],
      formatted: [['id']],
    },
  ];
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

function withValue(input: Record<string, unknown>, path: string[], change: (s: string) => string) {
  const copy = structuredClone(input);
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = path.at(-1) as string;
  at[last] = change(String(at[last]));
  return copy;
}

const corruptions: [string, (s: string) => string][] = [
  ['a NUL inside', (s) => `${s.slice(0, 1)}\u0000${s.slice(1)}`],
  ['a NUL at the end', (s) => `${s}\u0000`],
  ['a lone high surrogate', (s) => `${s}\uD83D`],
  ['a lone low surrogate', (s) => `\uDE00${s}`],
];

interface ErrorBody {
  error: { message: string; data: { code: string; issues: { path: string[] }[] | null } };
}

describe('text PostgreSQL cannot store', () => {
  it('is refused with 400 in every string field of every procedure, and nothing is written', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    for (const c of cases) {
      const targets = [
        ...c.text.map((path) => ({ path, message: true })),
        ...(c.formatted ?? []).map((path) => ({ path, message: false })),
      ];
      for (const { path, message } of targets) {
        for (const [label, change] of corruptions) {
          const input = withValue(c.input, path, change);
          const response = await call(c.kind, c.procedure, input, sessions[c.as]);
          const body = (await response.json()) as ErrorBody;
          const where = `${c.procedure} ${path.join('.')} with ${label}`;
          if (response.status !== 400 || body.error?.data.code !== 'BAD_REQUEST') {
            failures.push(`${where}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
            continue;
          }
          if (!body.error.data.issues?.some((issue) => issue.path.join('.') === path.join('.')))
            failures.push(`${where}: the error does not name the field: ${body.error.message}`);
          if (message && !unstorableText.test(body.error.message))
            failures.push(`${where}: unclear message: ${body.error.message}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('still accepts the same queries without the bad character', async () => {
    for (const c of cases.filter((c) => c.kind === 'query' && c.as === 'guest')) {
      const response = await call(c.kind, c.procedure, c.input);
      expect(response.status, c.procedure).toBe(200);
    }
  });
});
