/**
 * Money is never a float: a whole, positive number of minor units and an ISO 4217 currency. A
 * charge and its refund are always for a positive amount.
 */
export class Money {
  private constructor(
    readonly amount: number,
    readonly currency: string,
  ) {}

  static of(amount: number, currency: string): Money {
    if (!Number.isSafeInteger(amount) || amount <= 0)
      throw new RangeError(`A payment is a whole, positive number of minor units, not ${amount}`);
    if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`Unknown currency "${currency}"`);
    return new Money(amount, currency);
  }

  equals(other: Money): boolean {
    return this.amount === other.amount && this.currency === other.currency;
  }

  toString(): string {
    return `${this.amount} ${this.currency}`;
  }
}
