import Link from 'next/link';
import { getCart, getMe } from '~/trpc/server';
import { LogOutButton } from './log-out-button';

/** Site header: the cart link's name stays exactly "Cart"; the item count is its description, not its name. */
export async function Header() {
  // The header must not take the whole page down with it: an unreachable API shows up in the page's own error state.
  const [me, cart] = await Promise.all([getMe().catch(() => null), getCart().catch(() => null)]);
  const count = cart?.itemCount ?? 0;
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link href="/" className="brand">
          Shop
        </Link>
        <nav aria-label="Main" className="main-nav">
          <ul>
            <li className="cart-link">
              <Link href="/cart" aria-describedby="cart-count-description">
                Cart
              </Link>
              <span className="badge" id="cart-count" aria-hidden="true">
                {count}
              </span>
              <span className="visually-hidden" id="cart-count-description">
                {count} {count === 1 ? 'item' : 'items'} in your cart
              </span>
            </li>
            <li>
              <Link href="/orders">Orders</Link>
            </li>
            {me?.role === 'ADMIN' && (
              <li>
                <Link href="/admin/orders">Admin</Link>
              </li>
            )}
            {me ? (
              <>
                <li>
                  <Link href="/account" title={`Signed in as ${me.email}`}>
                    Account
                  </Link>
                </li>
                <li>
                  <LogOutButton />
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link href="/login">Log in</Link>
                </li>
                <li>
                  <Link href="/signup">Sign up</Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
