import type { Clock } from '@shop/domain/shared/clock';

/** Signs the back office's one-minute tickets to the worker's queue board (`admin.opsLink`). */
export interface OpsLinks {
  /** The board's login URL carrying a fresh ticket for `adminUserId`, and when that ticket expires. */
  queueBoard(adminUserId: string, now: Date): { url: string; expiresAt: Date };
}

/** What the operations use cases need: the ticket signer and the clock. */
export interface OperationsDeps {
  opsLinks: OpsLinks;
  clock: Clock;
}
