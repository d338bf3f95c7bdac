import { InvalidRequest, MixedCurrencies } from './errors';

/** The largest amount one order (and its charge) can hold, in minor units: the money column's range. */
export const maxMoneyAmount = 2_147_483_647;

/**
 * Money is never a float: an integer number of minor units and an ISO 4217 currency. Arithmetic
 * refuses mixed currencies and amounts beyond what the shop can store.
 */
export class Money {
  private constructor(
    readonly amount: number,
    readonly currency: string,
  ) {}

  static of(amount: number, currency: string): Money {
    if (!Number.isSafeInteger(amount) || amount < 0) {
      throw new RangeError(`Money is a whole, non-negative number of minor units, not ${amount}`);
    }
    if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`Unknown currency "${currency}"`);
    return new Money(amount, currency);
  }

  static zero(currency: string): Money {
    return Money.of(0, currency);
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return Money.of(this.amount + other.amount, this.currency);
  }

  times(quantity: number): Money {
    return Money.of(this.amount * quantity, this.currency);
  }

  /** Refuses a total one payment cannot hold (the shop's message, word for word). */
  assertStorable(): Money {
    if (this.amount > maxMoneyAmount) {
      throw new InvalidRequest(
        'This order comes to more than one payment can hold. Please remove some items or split it into smaller orders.',
      );
    }
    return this;
  }

  equals(other: Money): boolean {
    return this.amount === other.amount && this.currency === other.currency;
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) throw new MixedCurrencies();
  }
}
