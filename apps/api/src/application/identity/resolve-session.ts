import {
  candidateTokens,
  chooseSession,
  needsRefresh,
  refreshBefore,
} from '../../domain/identity/session-policy';
import type { User } from '../../domain/identity/user';
import { now } from '../../infrastructure/clock';
import {
  deleteSessions,
  findSessionsByTokenHashes,
  touchSession,
} from '../../infrastructure/db/session.repository';
import type { Db } from '../../infrastructure/db/transactions';
import { hashToken } from '../../infrastructure/security/tokens';

export interface ActiveSession {
  id: string;
  user: User;
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
  deps: { db: Db; idleDays: number },
  tokens: readonly string[],
): Promise<SessionLookup> {
  const hashes = candidateTokens(tokens).map(hashToken);
  if (hashes.length === 0) return { session: null, conflict: false };
  const found = await findSessionsByTokenHashes(deps.db, hashes);
  const at = now();
  const { dead, chosen, conflict } = chooseSession(found, hashes, at, deps.idleDays);
  if (dead.length > 0)
    await deleteSessions(
      deps.db,
      dead.map((s) => s.id),
    );
  if (!chosen) return { session: null, conflict };
  if (needsRefresh(chosen.lastUsedAt, at)) {
    await touchSession(deps.db, chosen.id, at, refreshBefore(at));
  }
  return { session: { id: chosen.id, user: chosen.user }, conflict: false };
}
