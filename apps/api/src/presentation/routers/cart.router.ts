import { cartAddInput, cartRemoveInput, cartUpdateInput } from '@shop/contract/cart';
import { addToCart } from '../../application/shopping/add-to-cart';
import { getCart } from '../../application/shopping/get-cart';
import { removeFromCart } from '../../application/shopping/remove-from-cart';
import { updateCartLine } from '../../application/shopping/update-cart-line';
import { publicProcedure, router } from '../trpc';
import { cartView } from '../presenters/cart.presenter';
import { changeOwnCart, currentCartOwner } from '../http/cart-cookie';

export const cartRouter = router({
  get: publicProcedure.query(async ({ ctx }) =>
    cartView(await getCart(ctx.shopping, currentCartOwner(ctx))),
  ),

  add: publicProcedure.input(cartAddInput).mutation(async ({ ctx, input }) => {
    const lines = await changeOwnCart(ctx, (owner) =>
      addToCart(ctx.shopping, owner, input.productId, input.quantity),
    );
    return cartView(lines);
  }),

  update: publicProcedure.input(cartUpdateInput).mutation(async ({ ctx, input }) => {
    const lines = await changeOwnCart(ctx, (owner) =>
      updateCartLine(ctx.shopping, owner, input.productId, input.quantity),
    );
    return cartView(lines);
  }),

  remove: publicProcedure
    .input(cartRemoveInput)
    .mutation(async ({ ctx, input }) =>
      cartView(await removeFromCart(ctx.shopping, currentCartOwner(ctx), input.productId)),
    ),
});
