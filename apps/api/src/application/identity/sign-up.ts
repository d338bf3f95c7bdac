import type { SignUpInput } from '@shop/contract/auth';
import { EmailAlreadyRegistered } from '@shop/domain/shared/errors';
import type { AuthLimits } from '../../domain/identity/throttle-policy';
import type { User } from '../../domain/identity/user';
import type { Db } from '../../infrastructure/db/transactions';
import { insertUser } from '../../infrastructure/db/user.repository';
import { hashPassword } from '../../infrastructure/security/passwords';
import { countAttempt, hashing } from './attempts';

export interface SignUpDeps {
  db: Db;
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
): Promise<User> {
  if (clientAddress) await countAttempt(deps.db, 'sign-up', clientAddress, deps.limits.signUp);
  const passwordHash = await hashing(() => hashPassword(input.password));
  const user = await insertUser(deps.db, { name: input.name, email: input.email, passwordHash });
  if (!user) throw new EmailAlreadyRegistered();
  return user;
}
