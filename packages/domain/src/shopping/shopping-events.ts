import { domainEvent, type DomainEvent } from '../shared/events';

/** Units of a product went into a cart; `quantity` is the line's quantity afterwards (capped). */
export type CartItemAdded = DomainEvent<
  'CartItemAdded',
  { cartId: string; productId: string; added: number; quantity: number }
>;
/** The shopper set a line's quantity; `quantity` is what it holds now (capped). */
export type CartItemChanged = DomainEvent<
  'CartItemChanged',
  { cartId: string; productId: string; quantity: number }
>;
export type CartItemRemoved = DomainEvent<'CartItemRemoved', { cartId: string; productId: string }>;
/** At log-in, a guest's cart joined the account's; the guest cart is gone. */
export type GuestCartMerged = DomainEvent<
  'GuestCartMerged',
  { cartId: string; guestCartId: string; productIds: string[] }
>;

/** The shopper's order was paid: the lines it bought left the cart. */
export type CartCheckedOut = DomainEvent<'CartCheckedOut', { cartId: string; orderId: string }>;

export type ShoppingEvent =
  CartItemAdded | CartItemChanged | CartItemRemoved | GuestCartMerged | CartCheckedOut;

export const cartItemAdded = (data: CartItemAdded['data'], at: Date): CartItemAdded =>
  domainEvent('CartItemAdded', data, at);
export const cartItemChanged = (data: CartItemChanged['data'], at: Date): CartItemChanged =>
  domainEvent('CartItemChanged', data, at);
export const cartItemRemoved = (data: CartItemRemoved['data'], at: Date): CartItemRemoved =>
  domainEvent('CartItemRemoved', data, at);
export const guestCartMerged = (data: GuestCartMerged['data'], at: Date): GuestCartMerged =>
  domainEvent('GuestCartMerged', data, at);
export const cartCheckedOut = (data: CartCheckedOut['data'], at: Date): CartCheckedOut =>
  domainEvent('CartCheckedOut', data, at);
