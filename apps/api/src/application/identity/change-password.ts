import type { ChangePasswordInput } from '@shop/contract/auth';
import type { AuthLimits } from '@shop/domain/identity/throttle-policy';
import { countAttempt, countedHasher } from './attempts';
import type { IdentityDeps } from './deps';
import { openSession } from './open-session';

export interface ChangePasswordDeps extends IdentityDeps {
  limits: Pick<AuthLimits, 'changePassword'>;
}

/**
 * Checks the current password (counted per account like log-ins), stores the new one, ends every
 * session of the account and returns the token of a fresh one.
 */
export async function changePassword(
  deps: ChangePasswordDeps,
  accountId: string,
  input: ChangePasswordInput,
): Promise<string> {
  const { accounts, attempts, sessions } = deps;
  await countAttempt(attempts, 'change-password', accountId, deps.limits.changePassword);
  const account = await accounts.findById(null, accountId);
  if (!account) throw new Error(`No account ${accountId}`);
  await account.changePassword({
    currentPassword: input.currentPassword,
    newPassword: input.newPassword,
    hasher: countedHasher(deps.hasher, attempts, 'change-password', accountId),
    at: deps.clock.now(),
  });
  const token = await deps.unitOfWork(async (tx) => {
    await accounts.save(tx, account);
    await sessions.removeAllOf(tx, accountId);
    return openSession(deps, accountId, tx);
  });
  await attempts.clear('change-password', accountId);
  return token;
}
