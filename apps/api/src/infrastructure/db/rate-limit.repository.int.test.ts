/**
 * The attempt counter does its arithmetic in one statement: many attempts at once must each get
 * their own number, and a window that has ended must start over.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@shop/db/client';
import { createTestDatabase, type TestDatabase } from '@shop/db/testing';
import { clearAttempts, countAttempt, sweepExpired, uncountAttempt } from './rate-limit.repository';

let database: TestDatabase;
let db: PrismaClient;
beforeAll(async () => {
  database = await createTestDatabase('rate_limit_repository');
  db = createPrismaClient(database.url, { max: 10 });
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

const key = () => `key-${randomUUID().slice(0, 8)}`;

describe('countAttempt', () => {
  it('numbers attempts that arrive together 1…n, each exactly once', async () => {
    const k = key();
    const counted = await Promise.all(
      Array.from({ length: 20 }, () => countAttempt(db, 'log-in', k, 900)),
    );
    expect(counted.map((a) => a.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    // A statement that waited on the first one's row lock measures from its own, earlier start.
    for (const { retryAfterSeconds } of counted) {
      expect(retryAfterSeconds).toBeGreaterThan(890);
      expect(retryAfterSeconds).toBeLessThanOrEqual(901);
    }
  });

  it('keeps buckets apart and starts over once the window has ended', async () => {
    const k = key();
    await countAttempt(db, 'log-in', k, 900);
    await countAttempt(db, 'log-in', k, 900);
    expect((await countAttempt(db, 'sign-up', k, 900)).count).toBe(1);

    await db.rateLimit.update({
      where: { bucket_key: { bucket: 'log-in', key: k } },
      data: { resetAt: new Date(Date.now() - 1000) },
    });
    expect(await countAttempt(db, 'log-in', k, 60)).toMatchObject({ count: 1 });
  });

  it('gives an attempt back (never below zero) and forgets a key', async () => {
    const k = key();
    await countAttempt(db, 'log-in', k, 900);
    await uncountAttempt(db, 'log-in', k);
    await uncountAttempt(db, 'log-in', k);
    expect(await countAttempt(db, 'log-in', k, 900)).toMatchObject({ count: 1 });
    await clearAttempts(db, 'log-in', k);
    expect(await db.rateLimit.count({ where: { key: k } })).toBe(0);
  });

  it('sweeps only rows whose window has ended', async () => {
    const [ended, running] = [key(), key()];
    await countAttempt(db, 'log-in', ended, 900);
    await countAttempt(db, 'log-in', running, 900);
    await db.rateLimit.update({
      where: { bucket_key: { bucket: 'log-in', key: ended } },
      data: { resetAt: new Date(Date.now() - 1000) },
    });
    await sweepExpired(db);
    expect(await db.rateLimit.count({ where: { key: { in: [ended, running] } } })).toBe(1);
  });
});
