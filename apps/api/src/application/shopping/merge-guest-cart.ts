import { changeCart, type ShoppingDeps } from './deps';

/**
 * At log-in, the guest's cart joins the account's: quantities summed, capped at stock and at the
 * line maximum; sold-out products stay behind; the guest cart is gone afterwards. Both carts are
 * held under their row locks (the guest's first), so two log-ins with the same guest cookie run
 * one after another and the second finds nothing left to add, and an add to the account cart at
 * the same moment is neither lost nor doubled.
 */
export async function mergeGuestCart(
  deps: ShoppingDeps,
  guestTokenHash: string,
  userId: string,
): Promise<void> {
  await changeCart(deps, async (tx, at) => {
    const guest = await deps.carts.findForUpdate(tx, { guestTokenHash });
    if (!guest) return null;
    if (guest.isEmpty) {
      await deps.carts.delete(tx, guest);
      return null;
    }
    const account = await deps.carts.findOrOpenForUpdate(tx, { userId });
    const stock = await deps.products.findStock(
      tx,
      guest.lines.map((line) => line.productId),
    );
    account.mergeFrom(guest, (productId) => stock.get(productId) ?? 0, at);
    await deps.carts.save(tx, account);
    await deps.carts.delete(tx, guest);
    return account;
  });
}
