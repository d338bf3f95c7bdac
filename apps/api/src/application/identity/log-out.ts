import { deleteSessions } from '../../infrastructure/db/session.repository';
import type { Db } from '../../infrastructure/db/transactions';

/** Ends the session the request came with, if it came with one. */
export async function logOut(deps: { db: Db }, sessionId: string | null): Promise<void> {
  if (sessionId) await deleteSessions(deps.db, [sessionId]);
}
