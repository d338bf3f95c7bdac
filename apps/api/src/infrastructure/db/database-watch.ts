/**
 * Calls `onGone` once the database at `url` goes away (dropped, or its server stopped): one idle
 * connection, which PostgreSQL terminates when the database is dropped. For test services that
 * live as long as their test database.
 */
import pg from 'pg';

export async function watchDatabase(
  url: string,
  onGone: () => void,
): Promise<{ stop(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  let stopped = false;
  client.on('end', () => {
    if (!stopped) onGone();
  });
  await client.connect();
  return {
    async stop() {
      stopped = true;
      await client.end().catch(() => undefined);
    },
  };
}
