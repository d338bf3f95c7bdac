import type { ChangePasswordInput } from '@shop/contract/auth';
import { WrongCurrentPassword } from '@shop/domain/shared/errors';
import type { AuthLimits } from '../../domain/identity/throttle-policy';
import { deleteSessionsOfUser } from '../../infrastructure/db/session.repository';
import { inTransaction, type Db } from '../../infrastructure/db/transactions';
import { findPasswordHash, updatePasswordHash } from '../../infrastructure/db/user.repository';
import { hashPassword, verifyPassword } from '../../infrastructure/security/passwords';
import { clearAttempts, countAttempt, countedCheck, hashing } from './attempts';
import { openSession } from './open-session';

export interface ChangePasswordDeps {
  db: Db;
  limits: Pick<AuthLimits, 'changePassword'>;
}

/**
 * Checks the current password (counted per account like log-ins), stores the new one, ends every
 * session of the account and returns the token of a fresh one.
 */
export async function changePassword(
  deps: ChangePasswordDeps,
  userId: string,
  input: ChangePasswordInput,
): Promise<string> {
  const { db } = deps;
  await countAttempt(db, 'change-password', userId, deps.limits.changePassword);
  const currentHash = await findPasswordHash(db, userId);
  const valid = await countedCheck(db, 'change-password', userId, () =>
    verifyPassword(currentHash, input.currentPassword),
  );
  if (!valid) throw new WrongCurrentPassword();
  const passwordHash = await hashing(() => hashPassword(input.newPassword));
  const token = await inTransaction(db, async (tx) => {
    await updatePasswordHash(tx, userId, passwordHash);
    await deleteSessionsOfUser(tx, userId);
    return openSession(tx, userId);
  });
  await clearAttempts(db, 'change-password', userId);
  return token;
}
