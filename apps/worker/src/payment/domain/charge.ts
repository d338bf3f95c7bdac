import type { Money } from './money';

export type ChargeOutcome = 'APPROVED' | 'DECLINED';

/**
 * The card processor's answer to a charge, as a value: its id for the charge, what it said, for
 * how much, on which card, and why when it declined.
 */
export class Charge {
  private constructor(
    readonly id: string,
    readonly outcome: ChargeOutcome,
    readonly amount: Money,
    readonly cardLast4: string,
    readonly declineReason: string | null,
  ) {}

  static approved(id: string, amount: Money, cardLast4: string): Charge {
    return Charge.#make(id, 'APPROVED', amount, cardLast4, null);
  }

  static declined(id: string, amount: Money, cardLast4: string, reason: string): Charge {
    if (!reason) throw new RangeError('A declined charge says why');
    return Charge.#make(id, 'DECLINED', amount, cardLast4, reason);
  }

  static #make(
    id: string,
    outcome: ChargeOutcome,
    amount: Money,
    last4: string,
    reason: string | null,
  ): Charge {
    if (!id) throw new RangeError('A charge is named by the processor’s id for it');
    if (!/^\d{4}$/.test(last4)) throw new RangeError('A card is named by its last four digits');
    return new Charge(id, outcome, amount, last4, reason);
  }

  get approved(): boolean {
    return this.outcome === 'APPROVED';
  }

  equals(other: Charge): boolean {
    return (
      this.id === other.id &&
      this.outcome === other.outcome &&
      this.amount.equals(other.amount) &&
      this.cardLast4 === other.cardLast4 &&
      this.declineReason === other.declineReason
    );
  }
}
