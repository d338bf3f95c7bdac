import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@shop/db/client';
import type { Db, Tx } from '../infrastructure/db/transactions';

export const sessionCookie = 'shop_session';
/** Absolute lifetime: a session ends this long after it began, however much it is used. */
export const sessionMaxAgeSeconds = 30 * 24 * 60 * 60;
/** Idle lifetime: a session unused for this long is refused and deleted. */
export const defaultSessionIdleDays = 7;
/** `lastUsedAt` is written at most this often per session, not on every request. */
export const lastUsedRefreshMs = 60 * 60 * 1000;
/** A Cookie header may carry the session cookie more than once; only this many are looked up. */
const maxCandidateTokens = 4;

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export interface ActiveSession {
  id: string;
  user: SessionUser;
}

export interface SessionPolicy {
  idleDays: number;
}

/** A random 32-byte token for a cookie; only its SHA-256 is ever stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Db | Tx, userId: string): Promise<string> {
  const token = newToken();
  await db.session.create({
    data: {
      userId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + sessionMaxAgeSeconds * 1000),
      lastUsedAt: new Date(),
    },
  });
  return token;
}

export interface SessionLookup {
  session: ActiveSession | null;
  /** Live sessions of different users were presented together: none of them is believed. */
  conflict: boolean;
}

/**
 * The session the cookie's token(s) name. Expired and idle sessions are deleted. When the header
 * carries several tokens (a cookie planted for a parent domain or a longer path travels beside
 * ours), dead ones are skipped, and live ones of two different users count as none: a planted
 * cookie must neither shadow the real session nor swap in the planter's account.
 */
export async function resolveSession(
  db: Db,
  tokens: readonly string[],
  policy: SessionPolicy = { idleDays: defaultSessionIdleDays },
): Promise<SessionLookup> {
  const hashes = [...new Set(tokens)].slice(0, maxCandidateTokens).map(hashToken);
  if (hashes.length === 0) return { session: null, conflict: false };
  const found = await db.session.findMany({
    where: { tokenHash: { in: hashes } },
    select: {
      id: true,
      tokenHash: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { id: true, name: true, email: true, role: true } },
    },
  });
  const now = Date.now();
  const idleMs = policy.idleDays * 24 * 60 * 60 * 1000;
  const isLive = (s: (typeof found)[number]) =>
    s.expiresAt.getTime() > now && s.lastUsedAt.getTime() > now - idleMs;
  const dead = found.filter((s) => !isLive(s));
  if (dead.length > 0)
    await db.session.deleteMany({ where: { id: { in: dead.map((s) => s.id) } } });

  const live = found
    .filter(isLive)
    .sort((a, b) => hashes.indexOf(a.tokenHash) - hashes.indexOf(b.tokenHash));
  const chosen = live[0];
  if (!chosen) return { session: null, conflict: false };
  if (live.some((s) => s.user.id !== chosen.user.id)) return { session: null, conflict: true };
  if (chosen.lastUsedAt.getTime() < now - lastUsedRefreshMs) {
    await db.session.updateMany({
      where: { id: chosen.id, lastUsedAt: { lt: new Date(now - lastUsedRefreshMs) } },
      data: { lastUsedAt: new Date(now) },
    });
  }
  return { session: { id: chosen.id, user: chosen.user }, conflict: false };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of the user and opens a fresh one (used after a password change). */
export async function replaceAllSessions(tx: Tx, userId: string): Promise<string> {
  await tx.session.deleteMany({ where: { userId } });
  return createSession(tx, userId);
}
