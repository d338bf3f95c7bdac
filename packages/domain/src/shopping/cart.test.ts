import { describe, expect, it } from 'vitest';
import { maxLineQuantity } from '@shop/contract/cart';
import { CheckoutConflict, CheckoutInProgress, OutOfStock } from '../shared/errors';
import { Cart } from './cart';
import { Quantity } from './quantity';

const at = new Date('2026-12-02T06:00:00.000Z');
const mug = 'product-mug';
const tea = 'product-tea';
const cartOf = (...lines: [string, number][]) =>
  Cart.rehydrate({
    id: 'cart-1',
    owner: { userId: 'user-1' },
    lines: lines.map(([productId, quantity]) => ({ productId, quantity })),
  });

describe('adding to a cart', () => {
  it('adds to the line and records CartItemAdded', () => {
    const cart = cartOf([mug, 2]);
    cart.add(mug, Quantity.of(3), 10, at);
    cart.add(tea, Quantity.of(1), 10, at);
    expect(cart.lines).toEqual([
      { productId: mug, quantity: 5 },
      { productId: tea, quantity: 1 },
    ]);
    expect(cart.pullEvents()).toEqual([
      {
        type: 'CartItemAdded',
        version: 1,
        occurredAt: at,
        data: { cartId: 'cart-1', productId: mug, added: 3, quantity: 5 },
      },
      expect.objectContaining({ type: 'CartItemAdded' }),
    ]);
    expect(cart.pullEvents()).toEqual([]);
  });

  it('Rule 3 — caps a line at the stock on hand instead of refusing', () => {
    const cart = cartOf([mug, 2]);
    cart.add(mug, Quantity.of(5), 4, at);
    expect(cart.quantityOf(mug)).toBe(4);
  });

  it('caps a line at the per-line maximum', () => {
    const cart = cartOf([mug, maxLineQuantity - 1]);
    cart.add(mug, Quantity.of(5), 1_000, at);
    expect(cart.quantityOf(mug)).toBe(maxLineQuantity);
  });

  it('Rule 3 — refuses a sold-out product and records nothing', () => {
    const cart = cartOf();
    expect(() => cart.add(mug, Quantity.of(1), 0, at)).toThrow(OutOfStock);
    expect(cart.isEmpty).toBe(true);
    expect(cart.pullEvents()).toEqual([]);
  });
});

describe('changing a line', () => {
  it('sets the quantity, capped at stock, and records CartItemChanged', () => {
    const cart = cartOf([mug, 2]);
    cart.changeQuantity(mug, Quantity.of(7), 5, at);
    expect(cart.quantityOf(mug)).toBe(5);
    expect(cart.pullEvents().map((event) => event.type)).toEqual(['CartItemChanged']);
  });

  it('takes the line out with remove', () => {
    const cart = cartOf([mug, 2], [tea, 1]);
    cart.remove(mug, at);
    expect(cart.lines).toEqual([{ productId: tea, quantity: 1 }]);
    expect(cart.pullEvents().map((event) => event.type)).toEqual(['CartItemRemoved']);
  });

  it('removing a product not in the cart changes nothing', () => {
    const cart = cartOf([mug, 2]);
    cart.remove(tea, at);
    expect(cart.lines).toEqual([{ productId: mug, quantity: 2 }]);
    expect(cart.pullEvents()).toEqual([]);
  });
});

describe('merging a guest cart at log-in', () => {
  const guestOf = (...lines: [string, number][]) =>
    Cart.rehydrate({
      id: 'guest-1',
      owner: { guestTokenHash: 'hash' },
      lines: lines.map(([productId, quantity]) => ({ productId, quantity })),
    });

  it('sums quantities capped at stock and the line maximum; sold-out products stay behind', () => {
    const account = cartOf([mug, 3]);
    const guest = guestOf([mug, 4], [tea, 2], ['product-gone', 1], ['product-many', 90]);
    const account2 = cartOf(['product-many', 50]);
    const stock: Record<string, number> = { [mug]: 5, [tea]: 10, 'product-gone': 0 };
    account.mergeFrom(guest, (id) => stock[id] ?? 1_000, at);
    expect(account.lines).toEqual([
      { productId: mug, quantity: 5 },
      { productId: tea, quantity: 2 },
      { productId: 'product-many', quantity: 90 },
    ]);
    account2.mergeFrom(guestOf(['product-many', 90]), () => 1_000, at);
    expect(account2.quantityOf('product-many')).toBe(maxLineQuantity);
    expect(guest.isEmpty).toBe(true);
    expect(account.pullEvents()).toEqual([
      {
        type: 'GuestCartMerged',
        version: 1,
        occurredAt: at,
        data: { cartId: 'cart-1', guestCartId: 'guest-1', productIds: [mug, tea, 'product-many'] },
      },
    ]);
  });

  it('merging an already emptied guest cart adds nothing (a second log-in)', () => {
    const account = cartOf([mug, 1]);
    const guest = guestOf([mug, 1]);
    account.mergeFrom(guest, () => 10, at);
    account.mergeFrom(guest, () => 10, at);
    expect(account.quantityOf(mug)).toBe(2);
  });
});

describe('checking out', () => {
  it('takes out what the paid order bought', () => {
    const cart = Cart.open('cart-1', { userId: 'user-1' });
    cart.add(mug, Quantity.of(2), 10, at);
    cart.pullEvents();
    cart.checkOut('order-1', [{ productId: mug, quantity: 2 }], at);
    expect(cart.isEmpty).toBe(true);
    expect(cart.pullEvents()).toMatchObject([
      { type: 'CartCheckedOut', data: { cartId: 'cart-1', orderId: 'order-1' } },
    ]);
  });

  it('keeps lines and units added while the order was placed', () => {
    const cart = cartOf([mug, 3], [tea, 1]);
    cart.checkOut('order-1', [{ productId: mug, quantity: 2 }], at);
    expect(cart.lines).toEqual([
      { productId: mug, quantity: 1 },
      { productId: tea, quantity: 1 },
    ]);
  });

  it('refuses a second checkout while an order placed from the cart awaits payment', () => {
    const cart = cartOf([mug, 2]);
    expect(() => cart.beginCheckout([{ productId: mug, quantity: 2 }], 'order-1')).toThrow(
      CheckoutInProgress,
    );
  });

  it('refuses lines the cart no longer holds (an earlier checkout took them)', () => {
    const cart = cartOf([mug, 1]);
    expect(() => cart.beginCheckout([{ productId: mug, quantity: 2 }], null)).toThrow(
      CheckoutConflict,
    );
    expect(() => cart.beginCheckout([{ productId: mug, quantity: 1 }], null)).not.toThrow();
  });
});
