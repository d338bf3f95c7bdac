/**
 * The worker's schema history: plain SQL files `migrations/NNNN_name.sql`, applied in name order.
 * A file's checksum (SHA-256 of its bytes) is recorded when it is applied, so an edit to an applied
 * migration is noticed instead of silently diverging from the databases that ran the old text.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Migration {
  /** The file name without `.sql`, e.g. `0001_outbox_and_inbox`. */
  readonly name: string;
  readonly checksum: string;
  readonly sql: string;
}

/**
 * `apps/worker/migrations`, found from this module: two folders up from `src/db/` (run from source,
 * as `db:migrate` and tests do), one up from `dist/` (the bundled `dist/main.js`).
 */
export const defaultMigrationsDir = [
  new URL('../../migrations/', import.meta.url),
  new URL('../migrations/', import.meta.url),
]
  .map((url) => fileURLToPath(url))
  .find((dir) => existsSync(path.join(dir, '0001_outbox_and_inbox.sql')))!;

const FILE_NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;

export async function readMigrations(dir = defaultMigrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const numbers = new Set<string>();
  const migrations: Migration[] = [];
  for (const file of files) {
    const number = FILE_NAME.exec(file)?.[1];
    if (!number)
      throw new Error(
        `Migration file ${file} in ${dir} is misnamed: expected NNNN_lower_snake_name.sql`,
      );
    if (numbers.has(number))
      throw new Error(`Two migration files in ${dir} share the number ${number}`);
    numbers.add(number);
    const sql = await readFile(path.join(dir, file), 'utf8');
    const checksum = createHash('sha256').update(sql).digest('hex');
    migrations.push({ name: file.replace(/\.sql$/, ''), checksum, sql });
  }
  return migrations;
}
