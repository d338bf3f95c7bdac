/**
 * Each migration folder keeps a copy of the `schema.prisma` it was generated from. Prisma ignores the
 * extra file; `db:migrate:new` diffs against the newest copy to know what the migrations already hold.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DbError } from '../src/errors';
import { readMigrations } from '../src/migrations';
import type { SchemaSource } from './schema-engine';

export const SNAPSHOT = 'schema.prisma';
export const schemaPath = fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url));

export async function currentSchema(): Promise<{ path: string; content: string }> {
  return { path: SNAPSHOT, content: await readFile(schemaPath, 'utf8') };
}

/** The schema the newest migration was made from; empty before the first migration. */
export async function previousSchema(dir: string): Promise<SchemaSource> {
  const latest = (await readMigrations(dir)).at(-1);
  if (!latest) return { kind: 'empty' };
  const snapshot = join(dir, latest.name, SNAPSHOT);
  if (!existsSync(snapshot)) {
    throw new DbError(
      'MIGRATION_HISTORY',
      `Migration ${latest.name} has no ${SNAPSHOT} snapshot, so the schema it produces is unknown; copy the schema it was made from into that folder.`,
    );
  }
  return { kind: 'datamodel', file: { path: SNAPSHOT, content: await readFile(snapshot, 'utf8') } };
}
