import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoney } from '@shop/contract/money';
import { getCart, requireUser } from '~/trpc/server';
import { CheckoutForm } from '~/app/_components/checkout-form';

export const metadata: Metadata = { title: 'Checkout' };

export default async function CheckoutPage() {
  const me = await requireUser('/checkout');
  const cart = await getCart();
  if (cart.items.length === 0) {
    return (
      <>
        <h1>Checkout</h1>
        <p className="empty">
          Your cart is empty. <Link href="/">Browse the catalog</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Checkout</h1>
      <div className="checkout-layout">
        <CheckoutForm defaultName={me.name} />
        <section aria-labelledby="summary-heading" className="order-summary">
          <h2 id="summary-heading">Order summary</h2>
          <ul>
            {cart.items.map(({ product, quantity, lineTotal }) => (
              <li key={product.id}>
                {product.name} × {quantity} <span className="price">{formatMoney(lineTotal)}</span>
              </li>
            ))}
          </ul>
          <p>
            Total: <strong className="price">{formatMoney(cart.subtotal)}</strong>
          </p>
          <p>
            <Link href="/cart">Edit cart</Link>
          </p>
        </section>
      </div>
    </>
  );
}
