import type { Tx } from '../shared/unit-of-work';
import type { Order } from './order';

/** Another checkout attempt already holds this user's idempotency key; its order is the answer. */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('An order with this idempotency key already exists');
  }
}

/**
 * Where orders live. Infrastructure implements it; `save` writes the order's new state, history
 * and lines in the caller's transaction. A save of a new order whose (userId, idempotencyKey) is
 * taken throws IdempotencyKeyTaken and the transaction rolls back (the key's race is the
 * database's to win); the caller then answers with the order that holds the key (`findByKey`).
 */
export interface OrderRepository {
  findById(tx: Tx | null, id: string): Promise<Order | null>;
  /**
   * Loads the order under a row lock, so concurrent changes to it serialize. With `skipLocked`,
   * an order another transaction holds is passed over (null) instead of waited for.
   */
  findByIdForUpdate(tx: Tx, id: string, options?: { skipLocked?: boolean }): Promise<Order | null>;
  findByKey(userId: string, idempotencyKey: string): Promise<Order | null>;
  /** Ids of the oldest orders still awaiting payment that were placed before `cutoff`. */
  findPendingPlacedBefore(cutoff: Date, limit: number): Promise<string[]>;
  save(tx: Tx, order: Order): Promise<void>;
}
