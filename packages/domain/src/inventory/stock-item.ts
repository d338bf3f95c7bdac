import { AggregateRoot } from '../shared/aggregate';
import { OutOfStock } from '../shared/errors';
import { stockEvent, type StockEvent } from './stock-events';

export interface StockItemState {
  readonly productId: string;
  /** The product's name, for the shopper's refusal ("Kettle is sold out"). */
  readonly name: string;
  /** Units on the shelf that no order holds. */
  readonly onHand: number;
}

/** The refusal for a product the shelf no longer knows (deleted while it sat in a cart). */
export function productUnavailable(): OutOfStock {
  return new OutOfStock('A product in your cart is no longer available');
}

const wholeUnits = (quantity: number) => {
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    throw new RangeError(`A quantity is a whole number of units, at least 1, not ${quantity}`);
  }
};

/**
 * One product's units on the shelf. Rule 3 — stock never goes below zero: a reservation that
 * asks for more than is left is refused with what is left, so the shopper knows what to change.
 */
export class StockItem extends AggregateRoot<StockEvent> {
  #state: StockItemState;

  private constructor(state: StockItemState) {
    super();
    this.#state = state;
  }

  static rehydrate(state: StockItemState): StockItem {
    if (!Number.isSafeInteger(state.onHand) || state.onHand < 0) {
      throw new RangeError(`Stock is a whole, non-negative number of units, not ${state.onHand}`);
    }
    return new StockItem(state);
  }

  get productId(): string {
    return this.#state.productId;
  }
  get onHand(): number {
    return this.#state.onHand;
  }

  snapshot(): StockItemState {
    return this.#state;
  }

  /** Takes `quantity` units off the shelf for an order, or refuses without taking any. */
  reserve(quantity: number, at: Date): void {
    wholeUnits(quantity);
    const { name, onHand } = this.#state;
    if (quantity > onHand) {
      throw new OutOfStock(
        onHand === 0
          ? `${name} is sold out`
          : `Only ${onHand} of ${name} left — please update your cart`,
      );
    }
    this.#state = { ...this.#state, onHand: onHand - quantity };
    this.record(
      stockEvent.reserved({ productId: this.productId, quantity, remaining: this.onHand }, at),
    );
  }

  /** Puts units an order held back on the shelf (cancelled, expired, payment failed). */
  release(quantity: number, at: Date): void {
    wholeUnits(quantity);
    this.#state = { ...this.#state, onHand: this.#state.onHand + quantity };
    this.record(
      stockEvent.released({ productId: this.productId, quantity, remaining: this.onHand }, at),
    );
  }
}
