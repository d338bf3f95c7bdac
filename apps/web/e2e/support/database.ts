/** The run's own database: brand-new, migrated (`@shop/db/testing`) and seeded (`@shop/db/seed`). */
import { createTestDatabase } from '@shop/db/testing';
import type { TestDatabase } from '@shop/db/testing';

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
