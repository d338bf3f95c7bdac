/**
 * How long a session lives, and which of the sessions a request presents is believed. A session
 * ends a fixed time after it began however much it is used, and earlier when it goes unused.
 */
import type { User } from './user';

/** Absolute lifetime: a session ends this long after it began, however much it is used. */
export const sessionMaxAgeSeconds = 30 * 24 * 60 * 60;
/** Idle lifetime: a session unused for this long is refused and deleted. */
export const defaultSessionIdleDays = 7;
/** `lastUsedAt` is written at most this often per session, not on every request. */
export const lastUsedRefreshMs = 60 * 60 * 1000;
/** A Cookie header may carry the session cookie more than once; only this many are looked up. */
export const maxCandidateTokens = 4;

const dayMs = 24 * 60 * 60 * 1000;

export interface SessionTimes {
  expiresAt: Date;
  lastUsedAt: Date;
}

/** A session opened at `now`. */
export function freshSessionTimes(now: Date): SessionTimes {
  return {
    expiresAt: new Date(now.getTime() + sessionMaxAgeSeconds * 1000),
    lastUsedAt: now,
  };
}

export function isLive(session: SessionTimes, now: Date, idleDays: number): boolean {
  const at = now.getTime();
  return session.expiresAt.getTime() > at && session.lastUsedAt.getTime() > at - idleDays * dayMs;
}

/** Uses before this moment are stale enough to be written again. */
export function refreshBefore(now: Date): Date {
  return new Date(now.getTime() - lastUsedRefreshMs);
}

export function needsRefresh(lastUsedAt: Date, now: Date): boolean {
  return lastUsedAt.getTime() < refreshBefore(now).getTime();
}

/** The tokens worth looking up, in the order presented: each once, and only the first few. */
export function candidateTokens(tokens: readonly string[]): string[] {
  return [...new Set(tokens)].slice(0, maxCandidateTokens);
}

export interface PresentedSession extends SessionTimes {
  id: string;
  /** Which presented token found it; earlier tokens win. */
  tokenHash: string;
  user: User;
}

export interface SessionChoice<S extends PresentedSession> {
  /** Expired or idle: to be deleted. */
  dead: S[];
  chosen: S | null;
  /** Live sessions of different users were presented together: none of them is believed. */
  conflict: boolean;
}

/**
 * When the header carries several tokens (a cookie planted for a parent domain or a longer path
 * travels beside ours), dead ones are skipped, and live ones of two different users count as
 * none: a planted cookie must neither shadow the real session nor swap in the planter's account.
 */
export function chooseSession<S extends PresentedSession>(
  found: readonly S[],
  presentedHashes: readonly string[],
  now: Date,
  idleDays: number,
): SessionChoice<S> {
  const dead = found.filter((s) => !isLive(s, now, idleDays));
  const live = found
    .filter((s) => isLive(s, now, idleDays))
    .sort((a, b) => presentedHashes.indexOf(a.tokenHash) - presentedHashes.indexOf(b.tokenHash));
  const first = live[0];
  if (!first) return { dead, chosen: null, conflict: false };
  if (live.some((s) => s.user.id !== first.user.id)) return { dead, chosen: null, conflict: true };
  return { dead, chosen: first, conflict: false };
}
