import { deleteSessions } from '../../infrastructure/db/session.repository';
import type { Db } from '../../infrastructure/db/transactions';
import { hashToken } from '../../infrastructure/security/tokens';
import { mergeGuestCart } from '../shopping/merge-guest-cart';
import { openSession } from './open-session';

export interface StartSessionRequest {
  userId: string;
  /** The session the browser already had: it ends, so a prior token is never reused. */
  replacedSessionId: string | null;
  /** The browser's guest cart token: that cart moves into the account's. */
  guestCartToken?: string | undefined;
}

/** Opens a fresh session after sign-up or log-in and returns its token. */
export async function startSession(
  deps: { db: Db },
  request: StartSessionRequest,
): Promise<string> {
  if (request.replacedSessionId) await deleteSessions(deps.db, [request.replacedSessionId]);
  const token = await openSession(deps.db, request.userId);
  if (request.guestCartToken) {
    await mergeGuestCart(deps, hashToken(request.guestCartToken), request.userId);
  }
  return token;
}
