/** Shopping's and the catalog's adapters for the domain's ports, over one database. */
import type { Clock } from '@shop/domain/shared/clock';
import { now } from './clock';
import { createCartRepository } from './db/cart.repository';
import { createProductRepository } from './db/product.repository';
import type { Db } from './db/transactions';
import { createUnitOfWork, type EventSink } from './db/unit-of-work';
import { hashToken, newToken } from './security/tokens';

export function createShoppingAdapters(db: Db, events: EventSink) {
  const clock: Clock = { now };
  return {
    carts: createCartRepository(db),
    products: createProductRepository(db),
    guestTokens: { issue: newToken, hash: hashToken },
    unitOfWork: createUnitOfWork(db, events),
    clock,
  };
}
