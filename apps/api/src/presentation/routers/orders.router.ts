import { orderIdInput, placeOrderInput } from '@shop/contract/orders';
import { cancelOrder, getOrder, listOrders, placeOrder } from '../../models/order.model';
import { protectedProcedure, router } from '../trpc';
import { orderView } from '../presenters/order.presenter';

export const ordersRouter = router({
  place: protectedProcedure
    .input(placeOrderInput)
    .mutation(async ({ ctx, input }) =>
      orderView(
        await placeOrder(ctx.db, ctx.user.id, input, { ...ctx.checkout, log: ctx.log }),
      ),
    ),

  list: protectedProcedure.query(async ({ ctx }) =>
    (await listOrders(ctx.db, ctx.user.id)).map(orderView),
  ),

  get: protectedProcedure
    .input(orderIdInput)
    .query(async ({ ctx, input }) => orderView(await getOrder(ctx.db, ctx.user.id, input.id))),

  cancel: protectedProcedure
    .input(orderIdInput)
    .mutation(async ({ ctx, input }) =>
      orderView(await cancelOrder(ctx.db, ctx.user.id, input.id)),
    ),
});
