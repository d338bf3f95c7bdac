/**
 * A session: what a cookie's token opens. It ends a fixed time after it began however much it is
 * used, and earlier when it goes unused; of several presented together, one at most is believed.
 */

/** Absolute lifetime: a session ends this long after it began, however much it is used. */
export const sessionMaxAgeSeconds = 30 * 24 * 60 * 60;
/** Idle lifetime: a session unused for this long is refused and deleted. */
export const defaultSessionIdleDays = 7;
/** `lastUsedAt` is written at most this often per session, not on every request. */
export const lastUsedRefreshMs = 60 * 60 * 1000;
/** A Cookie header may carry the session cookie more than once; only this many are looked up. */
export const maxCandidateTokens = 4;

const dayMs = 24 * 60 * 60 * 1000;

export interface SessionState {
  id: string;
  accountId: string;
  /** SHA-256 of the cookie's token; the token itself is never kept. */
  tokenHash: string;
  expiresAt: Date;
  lastUsedAt: Date;
}

export class Session {
  private constructor(private state: SessionState) {}

  /** A session opened at `at` for the account, ending `sessionMaxAgeSeconds` later at the latest. */
  static open(input: { id: string; accountId: string; tokenHash: string; at: Date }): Session {
    return new Session({
      id: input.id,
      accountId: input.accountId,
      tokenHash: input.tokenHash,
      expiresAt: new Date(input.at.getTime() + sessionMaxAgeSeconds * 1000),
      lastUsedAt: input.at,
    });
  }

  static rehydrate(state: SessionState): Session {
    return new Session({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get accountId(): string {
    return this.state.accountId;
  }
  get tokenHash(): string {
    return this.state.tokenHash;
  }
  get expiresAt(): Date {
    return this.state.expiresAt;
  }
  get lastUsedAt(): Date {
    return this.state.lastUsedAt;
  }

  /** Live until its expiry, and while used within the last `idleDays`. */
  isLive(now: Date, idleDays: number): boolean {
    const at = now.getTime();
    return (
      this.state.expiresAt.getTime() > at && this.state.lastUsedAt.getTime() > at - idleDays * dayMs
    );
  }

  /**
   * Records a use at `now` when the last recorded one is stale (older than an hour); true when it
   * did, so the use is worth writing.
   */
  touch(now: Date): boolean {
    if (this.state.lastUsedAt.getTime() >= refreshBefore(now).getTime()) return false;
    this.state = { ...this.state, lastUsedAt: now };
    return true;
  }

  snapshot(): Readonly<SessionState> {
    return { ...this.state };
  }
}

/** Uses before this moment are stale enough to be written again. */
export function refreshBefore(now: Date): Date {
  return new Date(now.getTime() - lastUsedRefreshMs);
}

/** The tokens worth looking up, in the order presented: each once, and only the first few. */
export function candidateTokens(tokens: readonly string[]): string[] {
  return [...new Set(tokens)].slice(0, maxCandidateTokens);
}

export interface SessionChoice {
  /** Expired or idle: to be deleted. */
  dead: Session[];
  chosen: Session | null;
  /** Live sessions of different accounts were presented together: none of them is believed. */
  conflict: boolean;
}

/**
 * When the header carries several tokens (a cookie planted for a parent domain or a longer path
 * travels beside ours), dead ones are skipped, and live ones of two different accounts count as
 * none: a planted cookie must neither shadow the real session nor swap in the planter's account.
 * `presentedHashes` is the order the tokens came in; earlier ones win.
 */
export function chooseSession(
  found: readonly Session[],
  presentedHashes: readonly string[],
  now: Date,
  idleDays: number,
): SessionChoice {
  const dead = found.filter((s) => !s.isLive(now, idleDays));
  const live = found
    .filter((s) => s.isLive(now, idleDays))
    .sort((a, b) => presentedHashes.indexOf(a.tokenHash) - presentedHashes.indexOf(b.tokenHash));
  const first = live[0];
  if (!first) return { dead, chosen: null, conflict: false };
  if (live.some((s) => s.accountId !== first.accountId)) {
    return { dead, chosen: null, conflict: true };
  }
  return { dead, chosen: first, conflict: false };
}
