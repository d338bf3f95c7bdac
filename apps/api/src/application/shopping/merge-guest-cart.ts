import { maxLineQuantity } from '@shop/contract/cart';
import type { Db } from '../../infrastructure/db/transactions';
import {
  countGuestCartLines,
  deleteGuestCart,
  ensureCart,
  moveGuestLines,
} from '../../infrastructure/db/cart.repository';

/**
 * At log-in, the guest's cart joins the account's: quantities summed, capped at stock and at the
 * line maximum; sold-out products stay behind; the guest cart is gone afterwards. The move is one
 * statement (no transaction around it), so log-ins and adds at the same moment neither lose nor
 * double a quantity.
 */
export async function mergeGuestCart(
  deps: { db: Db },
  guestTokenHash: string,
  userId: string,
): Promise<void> {
  const guestLines = await countGuestCartLines(deps.db, guestTokenHash);
  if (guestLines === null) return;
  if (guestLines === 0) {
    await deleteGuestCart(deps.db, guestTokenHash);
    return;
  }
  const cartId = await ensureCart(deps.db, { userId });
  await moveGuestLines(deps.db, guestTokenHash, cartId, maxLineQuantity);
}
