import type { LogInInput } from '@shop/contract/auth';
import { InvalidCredentials } from '@shop/domain/shared/errors';
import type { AuthLimits } from '../../domain/identity/throttle-policy';
import type { User } from '../../domain/identity/user';
import type { Db } from '../../infrastructure/db/transactions';
import { findUserWithPasswordHash } from '../../infrastructure/db/user.repository';
import { verifyAgainstDummy, verifyPassword } from '../../infrastructure/security/passwords';
import { clearAttempts, countAttempt, countedCheck } from './attempts';

export interface LogInDeps {
  db: Db;
  limits: Pick<AuthLimits, 'logIn'>;
}

/**
 * Unknown email and wrong password fail alike, in about the same time. The attempt is counted
 * before the password is checked, so at most `limits.logIn.max` passwords are ever verified per
 * email per window, however the attempts arrive; a success clears the count.
 */
export async function logIn(deps: LogInDeps, input: LogInInput): Promise<User> {
  const { db } = deps;
  await countAttempt(db, 'log-in', input.email, deps.limits.logIn);
  const found = await findUserWithPasswordHash(db, input.email);
  const valid = await countedCheck(db, 'log-in', input.email, () =>
    found ? verifyPassword(found.passwordHash, input.password) : verifyAgainstDummy(input.password),
  );
  if (!found || !valid) throw new InvalidCredentials();
  await clearAttempts(db, 'log-in', input.email);
  const { passwordHash: _hash, ...user } = found;
  return user;
}
