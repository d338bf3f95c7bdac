/**
 * Prisma's official wasm schema engine (`@prisma/schema-engine-wasm`), driven through `@prisma/adapter-pg`.
 * The native engine cannot be downloaded on these machines. Node 20 needs `--experimental-wasm-modules`
 * to import it, so only the `db:migrate:new` script loads this file.
 *
 * Only the datamodel-to-datamodel `diff` is used: introspecting a live PostgreSQL database through
 * adapter-pg fails in this engine build (it cannot read pg_catalog's `"char"` columns), so the
 * "from" side is the schema snapshot kept next to the newest migration.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { DiffTarget, SchemaContainer } from '@prisma/schema-engine-wasm';

const noFilters = { externalTables: [], externalEnums: [] };

export type SchemaSource = { kind: 'empty' } | { kind: 'datamodel'; file: SchemaContainer };

function target(source: SchemaSource): DiffTarget {
  return source.kind === 'empty' ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [source.file] };
}

/** The SQL that turns `from` into `to`, or `null` when they describe the same database. */
export async function diffSql(serverUrl: string, from: SchemaSource, to: SchemaContainer): Promise<string | null> {
  const wasm = await import('@prisma/schema-engine-wasm');
  // The engine connects on start-up even for a datamodel-only diff, so this must be an existing database.
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: serverUrl }));
  const engine = await wasm.SchemaEngine.new({ datamodels: [[to.path, to.content]] }, () => undefined, adapter);
  try {
    const result = await engine.diff({ from: target(from), to: target({ kind: 'datamodel', file: to }), script: true, exitCode: true, filters: noFilters });
    return result.exitCode === 2 && result.stdout ? result.stdout : null;
  } finally {
    engine.free();
  }
}
