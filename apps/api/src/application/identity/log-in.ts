import type { LogInInput } from '@shop/contract/auth';
import type { AccountProfile } from '@shop/domain/identity/account';
import type { AuthLimits } from '@shop/domain/identity/throttle-policy';
import { InvalidCredentials } from '@shop/domain/shared/errors';
import { countAttempt, countedHasher } from './attempts';
import type { IdentityDeps } from './deps';

export interface LogInDeps extends IdentityDeps {
  limits: Pick<AuthLimits, 'logIn'>;
}

/**
 * Unknown email and wrong password fail alike, in about the same time. The attempt is counted
 * before the password is checked, so at most `limits.logIn.max` passwords are ever verified per
 * email per window, however the attempts arrive; a success clears the count.
 */
export async function logIn(deps: LogInDeps, input: LogInInput): Promise<AccountProfile> {
  const { attempts } = deps;
  await countAttempt(attempts, 'log-in', input.email, deps.limits.logIn);
  const account = await deps.accounts.findByEmail(null, input.email);
  const hasher = countedHasher(deps.hasher, attempts, 'log-in', input.email);
  const valid = account
    ? await hasher.verify(account.passwordHash, input.password)
    : await hasher.verifyAgainstDummy(input.password);
  if (!account || !valid) throw new InvalidCredentials();
  await attempts.clear('log-in', input.email);
  return account.profile();
}
