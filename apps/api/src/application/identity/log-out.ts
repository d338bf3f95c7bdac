import type { IdentityPorts } from './deps';

/** Ends the session the request came with, if it came with one. */
export async function logOut(
  deps: Pick<IdentityPorts, 'sessions'>,
  sessionId: string | null,
): Promise<void> {
  if (sessionId) await deps.sessions.remove(null, [sessionId]);
}
