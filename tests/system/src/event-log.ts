/**
 * What each service's database says about its events — the `outbox` (events it recorded, and when
 * they were published) and the `inbox` (events each of its consumers handled). Both tables have the
 * same shape in the API's and the worker's database (the transport contract), so one reader serves
 * both. Plain SQL over `pg`: the suite reads the services' tables, it never writes them.
 */
import pg from 'pg';

export interface OutboxRow {
  id: string;
  name: string;
  correlationId: string;
  publishedAt: Date | null;
  publishAttempts: number;
  lastError: string | null;
}

export interface InboxRow {
  consumer: string;
  eventId: string;
  eventName: string;
  correlationId: string;
  outcome: string | null;
}

export interface EventLog {
  outbox(): Promise<OutboxRow[]>;
  inbox(): Promise<InboxRow[]>;
  query<R extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export function openEventLog(databaseUrl: string): EventLog {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // The database is dropped WITH (FORCE) at the end; a cut idle connection is expected then.
  pool.on('error', () => undefined);
  const query = async <R extends pg.QueryResultRow>(sql: string, values: unknown[] = []) =>
    (await pool.query<R>(sql, values)).rows;
  return {
    query,
    outbox: () =>
      query<OutboxRow>(
        `SELECT id, name, correlation_id AS "correlationId", published_at AS "publishedAt",
                publish_attempts AS "publishAttempts", last_error AS "lastError"
           FROM outbox ORDER BY occurred_at, id`,
      ),
    inbox: () =>
      query<InboxRow>(
        `SELECT consumer, event_id AS "eventId", event_name AS "eventName",
                correlation_id AS "correlationId", outcome
           FROM inbox ORDER BY handled_at`,
      ),
    close: () => pool.end(),
  };
}
