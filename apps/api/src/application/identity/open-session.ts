import { freshSessionTimes } from '../../domain/identity/session-policy';
import { now } from '../../infrastructure/clock';
import { insertSession } from '../../infrastructure/db/session.repository';
import type { Db, Tx } from '../../infrastructure/db/transactions';
import { hashToken, newToken } from '../../infrastructure/security/tokens';

/** Stores a new session for the user and returns its token, which only the cookie keeps. */
export async function openSession(db: Db | Tx, userId: string): Promise<string> {
  const token = newToken();
  await insertSession(db, { userId, tokenHash: hashToken(token), ...freshSessionTimes(now()) });
  return token;
}
