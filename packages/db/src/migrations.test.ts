import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir, readMigrations } from './migrations';

describe('readMigrations', () => {
  it('lists migration folders in name order with sha256 checksums, ignoring other files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'migrations-'));
    for (const name of ['20250102000000_b', '20250101000000_a']) {
      await mkdir(join(dir, name));
      await writeFile(join(dir, name, 'migration.sql'), `-- ${name}\nSELECT 1;\n`);
    }
    await mkdir(join(dir, 'not_a_migration'));
    await writeFile(join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
    const migrations = await readMigrations(dir);
    expect(migrations.map((m) => m.name)).toEqual(['20250101000000_a', '20250102000000_b']);
    expect(migrations[0]?.checksum).toBe(
      createHash('sha256').update('-- 20250101000000_a\nSELECT 1;\n').digest('hex'),
    );
  });

  it('returns nothing for a missing folder', async () => {
    expect(await readMigrations(join(tmpdir(), 'does-not-exist-4242'))).toEqual([]);
  });

  it('ships an init migration, the lock file, and a schema snapshot for db:migrate:new', async () => {
    const migrations = await readMigrations();
    expect(migrations[0]?.name).toMatch(/^\d{14}_init$/);
    expect(await readFile(join(defaultMigrationsDir, 'migration_lock.toml'), 'utf8')).toContain(
      'provider = "postgresql"',
    );
    const latest = migrations.at(-1)?.name ?? '';
    await expect(
      readFile(join(defaultMigrationsDir, latest, 'schema.prisma'), 'utf8'),
    ).resolves.toContain('model Product');
  });
});
