import { cartAddInput, cartRemoveInput, cartUpdateInput } from '@shop/contract/cart';
import { addToCart, getCartLines, removeFromCart, updateCartLine } from '../../models/cart.model';
import { publicProcedure, router } from '../trpc';
import { cartView } from '../presenters/cart.presenter';
import { cartOwnerForChange, currentCartOwner } from '../http/session-cookies';

export const cartRouter = router({
  get: publicProcedure.query(async ({ ctx }) =>
    cartView(await getCartLines(ctx.db, currentCartOwner(ctx))),
  ),

  add: publicProcedure
    .input(cartAddInput)
    .mutation(async ({ ctx, input }) =>
      cartView(
        await addToCart(ctx.db, cartOwnerForChange(ctx), input.productId, input.quantity),
      ),
    ),

  update: publicProcedure
    .input(cartUpdateInput)
    .mutation(async ({ ctx, input }) =>
      cartView(
        await updateCartLine(ctx.db, cartOwnerForChange(ctx), input.productId, input.quantity),
      ),
    ),

  remove: publicProcedure.input(cartRemoveInput).mutation(async ({ ctx, input }) => {
    const owner = currentCartOwner(ctx);
    return cartView(owner ? await removeFromCart(ctx.db, owner, input.productId) : []);
  }),
});
