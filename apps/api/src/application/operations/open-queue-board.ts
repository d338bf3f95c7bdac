import type { OperationsDeps } from './deps';

/**
 * An admin opens the queues: a link to the worker's Bull Board whose ticket lets this admin in
 * once, within a minute (the worker then keeps its own session).
 */
export function openQueueBoard(
  { opsLinks, clock }: OperationsDeps,
  adminUserId: string,
): { url: string; expiresAt: string } {
  const { url, expiresAt } = opsLinks.queueBoard(adminUserId, clock.now());
  return { url, expiresAt: expiresAt.toISOString() };
}
