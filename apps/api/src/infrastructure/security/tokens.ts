import { createHash, randomBytes } from 'node:crypto';
import type { SessionTokens } from '@shop/domain/identity/session-tokens';

/** A random 32-byte token for a cookie; only its SHA-256 is ever stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The domain's `SessionTokens`. */
export const randomSessionTokens: SessionTokens = { issue: newToken, hash: hashToken };
