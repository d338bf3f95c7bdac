import type { AccountProfile } from '@shop/domain/identity/account';
import { candidateTokens, chooseSession } from '@shop/domain/identity/session';
import type { IdentityPorts } from './deps';

export interface ActiveSession {
  id: string;
  user: AccountProfile;
}

export interface SessionLookup {
  session: ActiveSession | null;
  /** Live sessions of different users were presented together: none of them is believed. */
  conflict: boolean;
}

/**
 * The session the request's token(s) name, if one is believed (see `chooseSession`). Expired and
 * idle sessions found on the way are deleted; the chosen one's use is recorded about hourly.
 */
export async function resolveSession(
  deps: Pick<IdentityPorts, 'sessions' | 'tokens' | 'clock'> & { idleDays: number },
  tokens: readonly string[],
): Promise<SessionLookup> {
  const hashes = candidateTokens(tokens).map((token) => deps.tokens.hash(token));
  if (hashes.length === 0) return { session: null, conflict: false };
  const found = await deps.sessions.findByTokenHashes(null, hashes);
  const at = deps.clock.now();
  const { dead, chosen, conflict } = chooseSession(
    found.map((f) => f.session),
    hashes,
    at,
    deps.idleDays,
  );
  if (dead.length > 0)
    await deps.sessions.remove(
      null,
      dead.map((s) => s.id),
    );
  if (!chosen) return { session: null, conflict };
  if (chosen.touch(at)) await deps.sessions.saveUse(null, chosen);
  const account = found.find((f) => f.session === chosen)?.account;
  if (!account) return { session: null, conflict: false };
  return { session: { id: chosen.id, user: account }, conflict: false };
}
