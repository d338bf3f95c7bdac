import { cartAddInput, cartRemoveInput, cartUpdateInput } from '@shop/contract/cart';
import { addToCart } from '../../application/shopping/add-to-cart';
import { getCart } from '../../application/shopping/get-cart';
import { removeFromCart } from '../../application/shopping/remove-from-cart';
import { updateCartLine } from '../../application/shopping/update-cart-line';
import { publicProcedure, router } from '../trpc';
import { cartView } from '../presenters/cart.presenter';
import { cartHolderForChange, currentCartHolder } from '../http/cart-cookie';

export const cartRouter = router({
  get: publicProcedure.query(async ({ ctx }) =>
    cartView(await getCart({ db: ctx.db }, currentCartHolder(ctx))),
  ),

  add: publicProcedure.input(cartAddInput).mutation(async ({ ctx, input }) => {
    const holder = cartHolderForChange(ctx);
    return cartView(await addToCart({ db: ctx.db }, holder, input.productId, input.quantity));
  }),

  update: publicProcedure.input(cartUpdateInput).mutation(async ({ ctx, input }) => {
    const holder = cartHolderForChange(ctx);
    return cartView(await updateCartLine({ db: ctx.db }, holder, input.productId, input.quantity));
  }),

  remove: publicProcedure
    .input(cartRemoveInput)
    .mutation(async ({ ctx, input }) =>
      cartView(await removeFromCart({ db: ctx.db }, currentCartHolder(ctx), input.productId)),
    ),
});
