import type { Money } from './money';

/** The card processor's confirmation that a charge was given back: its id for the refund, and how much. */
export class Refund {
  private constructor(
    readonly id: string,
    readonly amount: Money,
  ) {}

  static of(id: string, amount: Money): Refund {
    if (!id) throw new RangeError('A refund is named by the processor’s id for it');
    return new Refund(id, amount);
  }

  equals(other: Refund): boolean {
    return this.id === other.id && this.amount.equals(other.amount);
  }
}
