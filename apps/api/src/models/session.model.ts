import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@shop/db/client';
import type { Db, Tx } from './db';

export const sessionCookie = 'shop_session';
export const sessionMaxAgeSeconds = 30 * 24 * 60 * 60;

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
    },
  });
  return token;
}

export async function findActiveSession(db: Db, token: string): Promise<ActiveSession | null> {
  const session = await db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      user: { select: { id: true, name: true, email: true, role: true } },
    },
  });
  if (!session) return null;
  if (session.expiresAt.getTime() <= Date.now()) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  return { id: session.id, user: session.user };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of the user and opens a fresh one (used after a password change). */
export async function replaceAllSessions(tx: Tx, userId: string): Promise<string> {
  await tx.session.deleteMany({ where: { userId } });
  return createSession(tx, userId);
}
