import { Session } from '@shop/domain/identity/session';
import type { Tx } from '@shop/domain/shared/unit-of-work';
import type { IdentityPorts } from './deps';

/** Stores a new session for the account and returns its token, which only the cookie keeps. */
export async function openSession(
  deps: Pick<IdentityPorts, 'sessions' | 'tokens' | 'clock'>,
  accountId: string,
  tx?: Tx,
): Promise<string> {
  const token = deps.tokens.issue();
  const session = Session.open({
    id: deps.sessions.nextId(),
    accountId,
    tokenHash: deps.tokens.hash(token),
    at: deps.clock.now(),
  });
  await deps.sessions.add(tx ?? null, session);
  return token;
}
