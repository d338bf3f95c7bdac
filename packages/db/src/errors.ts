/**
 * Typed errors thrown by `@shop/db`. Every message is one self-contained line that a CLI can print
 * as is; `code` lets callers branch without parsing text.
 */
export type DbErrorCode =
  | 'INVALID_URL'
  | 'UNREACHABLE'
  | 'AUTH_FAILED'
  | 'DATABASE_MISSING'
  | 'MIGRATION_FAILED'
  | 'MIGRATION_HISTORY'
  | 'NO_SCHEMA_CHANGE'
  | 'UNSAFE_TARGET'
  | 'QUERY_FAILED';

export class DbError extends Error {
  override readonly name: string = 'DbError';
  constructor(
    readonly code: DbErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class DatabaseUnreachableError extends DbError {
  override readonly name = 'DatabaseUnreachableError';
  constructor(target: string, reason: string, options?: { cause?: unknown }) {
    super(
      'UNREACHABLE',
      `Cannot reach PostgreSQL at ${target} (${reason}). Is the server running, and is DATABASE_URL right?`,
      options,
    );
  }
}

export class DatabaseAuthError extends DbError {
  override readonly name = 'DatabaseAuthError';
  constructor(target: string, user: string, options?: { cause?: unknown }) {
    super(
      'AUTH_FAILED',
      `PostgreSQL at ${target} refused user "${user}": wrong password or no such role. Check DATABASE_URL.`,
      options,
    );
  }
}

export class DatabaseMissingError extends DbError {
  override readonly name = 'DatabaseMissingError';
  constructor(target: string, options?: { cause?: unknown }) {
    super(
      'DATABASE_MISSING',
      `Database ${target} does not exist. Create it with ensureDatabase() or \`npm run db:migrate\`.`,
      options,
    );
  }
}

export class MigrationFailedError extends DbError {
  override readonly name = 'MigrationFailedError';
  constructor(
    readonly migrationName: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      'MIGRATION_FAILED',
      `Migration ${migrationName} failed and was rolled back, the database is unchanged: ${detail}`,
      options,
    );
  }
}

export class MigrationHistoryError extends DbError {
  override readonly name = 'MigrationHistoryError';
  constructor(message: string) {
    super('MIGRATION_HISTORY', message);
  }
}
