import type { Product } from '@shop/domain/catalog/product';
import type { ProductRepository } from '@shop/domain/catalog/product-repository';
import type { Cart } from '@shop/domain/shopping/cart';
import type { CartRepository } from '@shop/domain/shopping/cart-repository';
import type { AttemptCounter, Limit } from '@shop/domain/shared/attempt-limit';
import type { Clock } from '@shop/domain/shared/clock';
import type { Tx, UnitOfWork } from '@shop/domain/shared/unit-of-work';
import type { newGuestCartBucket } from '@shop/domain/shopping/guest-cart-limit';
import type { Log } from '../log';

/** A guest cart's cookie token: a fresh secret, and the hash under which its cart is stored. */
export interface GuestCartTokens {
  issue(): string;
  hash(token: string): string;
}

/** What the cart's use cases work through; the composition root hands in the adapters. */
export interface ShoppingPorts {
  carts: CartRepository;
  products: ProductRepository;
  guestTokens: GuestCartTokens;
  /** Counts new guest carts per client address. */
  attempts: AttemptCounter<typeof newGuestCartBucket>;
  unitOfWork: UnitOfWork;
  clock: Clock;
}

/** Per request: the ports, the request's log, and who asks (for the limit on new guest carts). */
export interface ShoppingDeps extends ShoppingPorts {
  log: Log;
  /** The client's address; null for callers in the same process, which are not limited. */
  clientAddress: string | null;
  /** New guest carts per client address per window. */
  guestCartLimit: Limit;
}

/** A cart line as the shopper sees it: the product as the catalog shows it now, and how many. */
export interface CartContentsLine {
  product: Product;
  quantity: number;
}

/** The cart's lines, oldest first, with their products; none for no cart. */
export async function contentsOf(
  deps: Pick<ShoppingDeps, 'products'>,
  cart: Cart | null,
): Promise<CartContentsLine[]> {
  if (!cart || cart.isEmpty) return [];
  const lines = cart.lines;
  const products = await deps.products.findByIds(lines.map((line) => line.productId));
  return lines.flatMap(({ productId, quantity }) => {
    const product = products.get(productId);
    return product ? [{ product, quantity }] : [];
  });
}

/** Runs one change to a cart in a transaction, at the time it starts. */
export function changeCart(
  deps: ShoppingDeps,
  change: (tx: Tx, at: Date) => Promise<Cart | null>,
): Promise<Cart | null> {
  return deps.unitOfWork((tx) => change(tx, deps.clock.now()));
}
