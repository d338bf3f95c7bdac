import { createHash } from 'node:crypto';
import type { ShippingAddress } from '@shop/contract/orders';
import { sumPerProduct, type StockRequest } from '../inventory/stock-requests';

/** What an idempotency key is bound to: the cart's lines and the address, never the card. */
export function requestFingerprint(
  lines: readonly StockRequest[],
  address: ShippingAddress,
): string {
  const canonical = {
    lines: sumPerProduct(lines).map((line) => [line.productId, line.quantity]),
    address: [address.fullName, address.address, address.city, address.postalCode, address.country],
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
