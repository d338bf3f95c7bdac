/**
 * Prisma's official wasm schema engine (`@prisma/schema-engine-wasm`), driven through `@prisma/adapter-pg`
 * wrapped by `bindMigrationAwareSqlAdapterFactory`. The native engine cannot be downloaded on these
 * machines. Node 20 needs `--experimental-wasm-modules` to import it, so only `db:migrate:new` and
 * `db:migrate:status` load this file; library code never does.
 *
 * Used for: `diff` between two datamodels, and `diagnoseMigrationHistory`. Not used for: diffing a live
 * database (introspection through adapter-pg fails in this build: pg_catalog's `"char"` columns are an
 * unsupported type), hence the schema snapshot next to each migration; and `applyMigrations` (see
 * `src/migrate.ts` for why our own runner applies them).
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import type {
  DiagnoseMigrationHistoryOutput,
  DiffTarget,
  MigrationList,
  SchemaContainer,
  SchemaEngine,
} from '@prisma/schema-engine-wasm';

const noFilters = { externalTables: [], externalEnums: [] };

export type SchemaSource = { kind: 'empty' } | { kind: 'datamodel'; file: SchemaContainer };

function target(source: SchemaSource): DiffTarget {
  return source.kind === 'empty'
    ? { tag: 'empty' }
    : { tag: 'schemaDatamodel', files: [source.file] };
}

/** Runs `work` on a fresh engine; frees it and closes its pool (else idle connections keep Node alive). */
async function withEngine<T>(
  databaseUrl: string,
  schema: SchemaContainer,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const wasm = await import('@prisma/schema-engine-wasm');
  const pool = new pg.Pool({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
    const engine = await wasm.SchemaEngine.new(
      { datamodels: [[schema.path, schema.content]] },
      () => undefined,
      adapter,
    );
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}

/** The migration history as Prisma itself sees it (the engine behind `prisma migrate status`). */
export async function diagnoseHistory(
  databaseUrl: string,
  schema: SchemaContainer,
  migrationsList: MigrationList,
): Promise<DiagnoseMigrationHistoryOutput> {
  return withEngine(databaseUrl, schema, (engine) =>
    engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: noFilters,
    }),
  );
}

/** The SQL that turns `from` into `to`, or `null` when they describe the same database. */
export async function diffSql(
  serverUrl: string,
  from: SchemaSource,
  to: SchemaContainer,
): Promise<string | null> {
  // The engine connects on start-up even for a datamodel-only diff, so this must be an existing database.
  const result = await withEngine(serverUrl, to, (engine) =>
    engine.diff({
      from: target(from),
      to: target({ kind: 'datamodel', file: to }),
      script: true,
      exitCode: true,
      filters: noFilters,
    }),
  );
  return result.exitCode === 2 && result.stdout ? result.stdout : null;
}
