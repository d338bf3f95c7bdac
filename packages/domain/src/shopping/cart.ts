import { AggregateRoot } from '../shared/aggregate';
import { CheckoutConflict, CheckoutInProgress, OutOfStock } from '../shared/errors';
import { isSoldOut, lineMaxQuantity, type Quantity } from './quantity';
import {
  cartCheckedOut,
  cartItemAdded,
  cartItemChanged,
  cartItemRemoved,
  guestCartMerged,
  type ShoppingEvent,
} from './shopping-events';

/**
 * A guest cart unchanged for `idleMs` is abandoned: no account holds it, and its cookie has most
 * likely gone. Carts changed before the answer may be deleted.
 */
export function abandonedGuestCartCutoff(now: Date, idleMs: number): Date {
  return new Date(now.getTime() - idleMs);
}

/** Whose cart it is: an account, or a guest known by the hash of its cookie token. */
export type CartOwner = { userId: string } | { guestTokenHash: string };

export interface CartLine {
  readonly productId: string;
  readonly quantity: number;
}

export interface CartSnapshot {
  readonly id: string;
  readonly owner: CartOwner;
  /** Oldest first. */
  readonly lines: readonly CartLine[];
}

/**
 * A shopper's cart. Lines are capped rather than refused: a shopper asking for more than there
 * is simply gets what there is (the stock on hand, at most the line maximum). A sold-out product
 * cannot go in.
 */
export class Cart extends AggregateRoot<ShoppingEvent> {
  /** productId → quantity, in the order the lines were added. */
  readonly #lines: Map<string, number>;

  private constructor(
    readonly id: string,
    readonly owner: CartOwner,
    lines: readonly CartLine[],
  ) {
    super();
    this.#lines = new Map(lines.map((line) => [line.productId, line.quantity]));
  }

  /** A new, empty cart. */
  static open(id: string, owner: CartOwner): Cart {
    return new Cart(id, owner, []);
  }

  static rehydrate(snapshot: CartSnapshot): Cart {
    return new Cart(snapshot.id, snapshot.owner, snapshot.lines);
  }

  get lines(): CartLine[] {
    return [...this.#lines].map(([productId, quantity]) => ({ productId, quantity }));
  }

  get isEmpty(): boolean {
    return this.#lines.size === 0;
  }

  quantityOf(productId: string): number {
    return this.#lines.get(productId) ?? 0;
  }

  snapshot(): CartSnapshot {
    return { id: this.id, owner: this.owner, lines: this.lines };
  }

  /** Adds units to the product's line, capped at what the line may hold now. */
  add(productId: string, quantity: Quantity, stockOnHand: number, at: Date): void {
    if (isSoldOut(stockOnHand)) throw new OutOfStock('Sold out');
    const next = Math.min(
      this.quantityOf(productId) + quantity.value,
      lineMaxQuantity(stockOnHand),
    );
    this.#lines.set(productId, next);
    this.record(
      cartItemAdded({ cartId: this.id, productId, added: quantity.value, quantity: next }, at),
    );
  }

  /** Sets the line to `quantity`, capped at what it may hold now; `remove` takes a line out. */
  changeQuantity(productId: string, quantity: Quantity, stockOnHand: number, at: Date): void {
    if (isSoldOut(stockOnHand)) throw new OutOfStock('Sold out');
    const next = Math.min(quantity.value, lineMaxQuantity(stockOnHand));
    this.#lines.set(productId, next);
    this.record(cartItemChanged({ cartId: this.id, productId, quantity: next }, at));
  }

  /** Takes the product's line out; nothing happens when there is no such line. */
  remove(productId: string, at: Date): void {
    if (!this.#lines.delete(productId)) return;
    this.record(cartItemRemoved({ cartId: this.id, productId }, at));
  }

  /**
   * At log-in, the guest's lines join this cart: quantities summed, capped at stock and at the
   * line maximum; sold-out products stay behind. The guest cart is emptied (and then deleted).
   */
  mergeFrom(guest: Cart, stockOf: (productId: string) => number, at: Date): void {
    const moved: string[] = [];
    for (const { productId, quantity } of guest.lines) {
      const stock = stockOf(productId);
      if (isSoldOut(stock)) continue;
      const next = Math.min(this.quantityOf(productId) + quantity, lineMaxQuantity(stock));
      this.#lines.set(productId, next);
      moved.push(productId);
    }
    guest.#lines.clear();
    this.record(guestCartMerged({ cartId: this.id, guestCartId: guest.id, productIds: moved }, at));
  }

  /**
   * One checkout at a time: while an order placed from this cart awaits payment, another checkout
   * is refused rather than joined (its tab may carry another card or address); the shopper waits,
   * or cancels that order, and an order left pending by a crash is released by the reservation's
   * time limit. A checkout orders only what the cart still holds: lines an earlier checkout took
   * away cannot be ordered twice.
   */
  beginCheckout(ordered: readonly CartLine[], pendingOrderId: string | null): void {
    if (pendingOrderId !== null) throw new CheckoutInProgress();
    if (ordered.some((line) => this.quantityOf(line.productId) < line.quantity)) {
      throw new CheckoutConflict(
        'Your cart changed while you were checking out. Please review it and place your order again.',
      );
    }
  }

  /**
   * The shopper's order was paid: what it bought leaves the cart. Lines added while it was placed
   * stay, and so do units added to an ordered line meanwhile.
   */
  checkOut(orderId: string, ordered: readonly CartLine[], at: Date): void {
    for (const { productId, quantity } of ordered) {
      const left = this.quantityOf(productId) - quantity;
      if (left > 0) this.#lines.set(productId, left);
      else this.#lines.delete(productId);
    }
    this.record(cartCheckedOut({ cartId: this.id, orderId }, at));
  }
}
