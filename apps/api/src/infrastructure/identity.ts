/** Identity's adapters for the domain's ports, over one database: wired by the composition root. */
import type { Clock } from '@shop/domain/shared/clock';
import { now } from './clock';
import { createAttemptCounter } from './db/rate-limit.repository';
import { createSessionRepository } from './db/session.repository';
import type { Db } from './db/transactions';
import { createUnitOfWork, type EventSink } from './db/unit-of-work';
import { createAccountRepository } from './db/user.repository';
import { argon2Hasher, argon2HasherFor } from './security/passwords';
import { randomSessionTokens } from './security/tokens';

export function createIdentityAdapters(db: Db, events: EventSink) {
  const clock: Clock = { now };
  return {
    accounts: createAccountRepository(db),
    sessions: createSessionRepository(db),
    attempts: createAttemptCounter(db),
    hasher: argon2Hasher,
    hasherFor: argon2HasherFor,
    tokens: randomSessionTokens,
    unitOfWork: createUnitOfWork(db, events),
    clock,
  };
}
