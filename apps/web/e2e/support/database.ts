/**
 * The run's own databases, brand-new: the shop's, migrated (`@shop/db/testing`) and seeded
 * (`@shop/db/seed`); and the worker's, created and migrated by the worker's own command — the web app
 * knows nothing of its schema.
 */
import { randomBytes } from 'node:crypto';
import { createPrismaClient } from '@shop/db/client';
import { withDatabase } from '@shop/db/connection';
import { dropDatabase } from '@shop/db/server';
import { createTestDatabase } from '@shop/db/testing';
import type { TestDatabase } from '@shop/db/testing';
import { capture } from '../../../../scripts/lib/processes.mjs';
import { e2eSettings, repoRoot } from './settings';

export async function createE2eDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase('e2e');
  try {
    const { seed } = await import('@shop/db/seed');
    await seed(database.url, {});
    return database;
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/** `shop_worker_e2e_<random>` on the run's server, made by `npm run db:migrate -w @shop/worker`. */
export async function createE2eWorkerDatabase(): Promise<TestDatabase> {
  const name = `shop_worker_e2e_${randomBytes(5).toString('hex')}`;
  const url = withDatabase(e2eSettings.databaseUrl, name);
  const drop = async (): Promise<void> => {
    await dropDatabase(url);
  };
  const migrated = await capture('npm', ['run', '--silent', 'db:migrate', '-w', '@shop/worker'], {
    cwd: repoRoot,
    env: { ...process.env, WORKER_DATABASE_URL: url },
  });
  if (migrated.code !== 0) {
    await drop().catch(() => undefined);
    const output = (migrated.stderr || migrated.stdout).trim();
    throw new Error(
      `npm run db:migrate -w @shop/worker failed for ${name} (exit ${migrated.code}): ${output}`,
    );
  }
  return { url, drop };
}

/** The payments recorded for a shopper's orders: what no page shows, and what a charge is. */
export async function paymentsOf(email: string) {
  if (!e2eSettings.runDatabaseUrl) throw new Error('The global setup has not created the database');
  const prisma = createPrismaClient(e2eSettings.runDatabaseUrl, { max: 1 });
  try {
    return await prisma.payment.findMany({
      where: { order: { user: { email } } },
      select: { kind: true, outcome: true },
    });
  } finally {
    await prisma.$disconnect();
  }
}
