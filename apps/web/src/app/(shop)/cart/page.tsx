import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoney } from '@shop/contract/money';
import { getCart, getMe } from '~/trpc/server';
import { CartLineControls } from '~/app/_components/cart-line-controls';

export const metadata: Metadata = { title: 'Cart' };

export default async function CartPage() {
  const [cart, me] = await Promise.all([getCart(), getMe()]);
  if (cart.items.length === 0) {
    return (
      <>
        <h1>Your cart</h1>
        <p className="empty">
          Your cart is empty. <Link href="/">Browse the catalog</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>Your cart</h1>
      <ul className="cart-lines" aria-label="Cart items">
        {cart.items.map(({ product, quantity, maxQuantity, lineTotal }) => (
          <li key={product.id} className="cart-line">
            <img src={product.imageUrl} alt="" width={96} height={72} />
            <div className="cart-line-info">
              <Link href={`/products/${product.slug}`}>{product.name}</Link>
              <span className="muted">{formatMoney(product.price)} each</span>
            </div>
            <CartLineControls
              productId={product.id}
              productName={product.name}
              quantity={quantity}
              max={Math.max(quantity, maxQuantity)}
            />
            <span className="price cart-line-total">{formatMoney(lineTotal)}</span>
          </li>
        ))}
      </ul>
      <div className="cart-summary">
        <p>
          Subtotal ({cart.itemCount} {cart.itemCount === 1 ? 'item' : 'items'}):{' '}
          <strong className="price">{formatMoney(cart.subtotal)}</strong>
        </p>
        {!me && (
          <p className="note">
            You&apos;ll log in or sign up before paying; your cart comes with you.
          </p>
        )}
        <form action="/checkout" method="get">
          <button type="submit" className="button button-primary">
            Checkout
          </button>
        </form>
      </div>
    </>
  );
}
