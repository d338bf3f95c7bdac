/** The run's own database: brand-new, migrated (`@shop/db/testing`) and seeded (`@shop/db/seed`). */
import { createPrismaClient } from '@shop/db/client';
import { createTestDatabase } from '@shop/db/testing';
import type { TestDatabase } from '@shop/db/testing';
import { e2eSettings } from './settings';

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
