import type { AccountRepository } from '@shop/domain/identity/account-repository';
import type { AttemptCounter } from '@shop/domain/identity/attempt-counter';
import type { PasswordHasher } from '@shop/domain/identity/password-hasher';
import type { SessionRepository } from '@shop/domain/identity/session-repository';
import type { SessionTokens } from '@shop/domain/identity/session-tokens';
import type { Clock } from '@shop/domain/shared/clock';
import type { UnitOfWork } from '@shop/domain/shared/unit-of-work';
import type { Log } from '../log';

/** The ports identity's use cases work through; the composition root hands in the adapters. */
export interface IdentityPorts {
  accounts: AccountRepository;
  sessions: SessionRepository;
  attempts: AttemptCounter;
  hasher: PasswordHasher;
  /** The hasher whose work counts against one client address's share of the hashing queue. */
  hasherFor(clientAddress: string): PasswordHasher;
  tokens: SessionTokens;
  unitOfWork: UnitOfWork;
  clock: Clock;
}

/** Per request: the ports and the request's log. */
export interface IdentityDeps extends IdentityPorts {
  log: Log;
}
