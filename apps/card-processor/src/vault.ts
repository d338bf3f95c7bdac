/**
 * The vault: card numbers by payment-method id, in this process's memory only. It is the one place
 * a card number is kept; everything the processor answers carries the brand and last four digits.
 * Nothing persists: a restart forgets every payment method, as a sandbox reset would.
 */
import { cardBrand, type CardBrand } from './card-brand';
import { newId } from './ids';

export interface PaymentMethod {
  id: string;
  brand: CardBrand;
  last4: string;
  expiry: string;
}

interface StoredCard extends PaymentMethod {
  cardNumber: string;
}

export interface Vault {
  /** Stores a card (digits only, already validated) and answers its payment method. */
  save(card: { cardNumber: string; expiry: string }): PaymentMethod;
  /** The card behind a payment method, or undefined when the id is unknown. */
  find(paymentMethodId: string): StoredCard | undefined;
}

export function createVault(): Vault {
  const cards = new Map<string, StoredCard>();
  return {
    save({ cardNumber, expiry }) {
      const card: StoredCard = {
        id: newId('pm'),
        brand: cardBrand(cardNumber),
        last4: cardNumber.slice(-4),
        expiry,
        cardNumber,
      };
      cards.set(card.id, card);
      return { id: card.id, brand: card.brand, last4: card.last4, expiry: card.expiry };
    },
    find: (paymentMethodId) => cards.get(paymentMethodId),
  };
}
