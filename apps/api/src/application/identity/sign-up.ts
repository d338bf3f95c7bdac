import type { SignUpInput } from '@shop/contract/auth';
import { Account, type AccountProfile } from '@shop/domain/identity/account';
import type { AuthLimits } from '@shop/domain/identity/throttle-policy';
import { countAttempt } from './attempts';
import type { IdentityDeps } from './deps';

export interface SignUpDeps extends IdentityDeps {
  limits: Pick<AuthLimits, 'signUp'>;
}

/**
 * Creates the account. Sign-ups are counted per client address; callers in the same process have
 * no address and are not limited.
 */
export async function signUp(
  deps: SignUpDeps,
  input: SignUpInput,
  clientAddress?: string | null,
): Promise<AccountProfile> {
  if (clientAddress)
    await countAttempt(deps.attempts, 'sign-up', clientAddress, deps.limits.signUp);
  const passwordHash = await deps.hasher.hash(input.password);
  const account = Account.register({
    id: deps.accounts.nextId(),
    name: input.name,
    email: input.email,
    passwordHash,
    at: deps.clock.now(),
  });
  await deps.unitOfWork((tx) => deps.accounts.add(tx, account));
  return account.profile();
}
