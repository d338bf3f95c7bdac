import type { LogInInput } from '@shop/contract/auth';
import type { AccountProfile } from '@shop/domain/identity/account';
import type { AuthLimits } from '@shop/domain/identity/throttle-policy';
import { InvalidCredentials } from '@shop/domain/shared/errors';
import { countAttempts, countedHasher } from './attempts';
import type { IdentityDeps } from './deps';

export interface LogInDeps extends IdentityDeps {
  limits: Pick<AuthLimits, 'logIn' | 'logInPerEmail'>;
}

/** The email as one client address tries it; callers in the same process have no address. */
function fromAddress(email: string, clientAddress?: string | null): string {
  return clientAddress ? `${email} ${clientAddress}` : email;
}

/**
 * Unknown email and wrong password fail alike, in about the same time. The attempt is counted
 * before the password is checked: per email from this client address (`limits.logIn`), then per
 * email from every address (`limits.logInPerEmail`, higher). So a guesser locks out its own
 * address, not the owner elsewhere, and a guesser on many addresses is still bounded. A success
 * clears its address's count and is not held against the email.
 */
export async function logIn(
  deps: LogInDeps,
  input: LogInInput,
  clientAddress?: string | null,
): Promise<AccountProfile> {
  const { attempts, limits } = deps;
  const fromHere = fromAddress(input.email, clientAddress);
  await countAttempts(attempts, [
    { action: 'log-in', key: fromHere, limit: limits.logIn },
    { action: 'log-in-any-address', key: input.email, limit: limits.logInPerEmail },
  ]);
  const account = await deps.accounts.findByEmail(null, input.email);
  const hasher = countedHasher(
    countedHasher(deps.hasher, attempts, 'log-in-any-address', input.email),
    attempts,
    'log-in',
    fromHere,
  );
  const valid = account
    ? await hasher.verify(account.passwordHash, input.password)
    : await hasher.verifyAgainstDummy(input.password);
  if (!account || !valid) throw new InvalidCredentials();
  await attempts.clear('log-in', fromHere);
  await attempts.uncount('log-in-any-address', input.email);
  return account.profile();
}
