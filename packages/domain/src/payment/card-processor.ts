import type { Money } from '../shared/money';
import type { Charge } from './charge';

/**
 * The port to whoever takes the money. Infrastructure's simulator implements it today; a real
 * provider would answer the same `Charge`. A rejection (network, timeout) means "no answer",
 * which is not a decline.
 */
export interface CardProcessor {
  charge(cardNumber: string, amount: Money): Promise<Charge>;
}
