import type { Money } from '../shared/money';

export type ChargeOutcome = 'APPROVED' | 'DECLINED';

/** The card processor's answer, as a value: what it said, for how much, on which card. */
export class Charge {
  private constructor(
    readonly outcome: ChargeOutcome,
    readonly amount: Money,
    readonly cardLast4: string,
  ) {}

  static of(outcome: ChargeOutcome, amount: Money, cardLast4: string): Charge {
    if (!/^\d{4}$/.test(cardLast4)) throw new RangeError('A card is named by its last four digits');
    return new Charge(outcome, amount, cardLast4);
  }

  get approved(): boolean {
    return this.outcome === 'APPROVED';
  }

  equals(other: Charge): boolean {
    return (
      this.outcome === other.outcome &&
      this.amount.equals(other.amount) &&
      this.cardLast4 === other.cardLast4
    );
  }
}
