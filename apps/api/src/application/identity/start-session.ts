import type { IdentityPorts } from './deps';
import { openSession } from './open-session';

export interface StartSessionRequest {
  userId: string;
  /** The session the browser already had: it ends, so a prior token is never reused. */
  replacedSessionId: string | null;
  /** The browser's guest cart token: that cart moves into the account's. */
  guestCartToken?: string | undefined;
}

export interface StartSessionDeps extends Pick<IdentityPorts, 'sessions' | 'tokens' | 'clock'> {
  /** Shopping's use case: moves the guest cart (by its token's hash) into the account's. */
  mergeGuestCart(guestCartTokenHash: string, userId: string): Promise<unknown>;
}

/** Opens a fresh session after sign-up or log-in and returns its token. */
export async function startSession(
  deps: StartSessionDeps,
  request: StartSessionRequest,
): Promise<string> {
  if (request.replacedSessionId) await deps.sessions.remove(null, [request.replacedSessionId]);
  const token = await openSession(deps, request.userId);
  if (request.guestCartToken) {
    await deps.mergeGuestCart(deps.tokens.hash(request.guestCartToken), request.userId);
  }
  return token;
}
