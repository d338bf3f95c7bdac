import { orderIdInput, placeOrderInput } from '@shop/contract/orders';
import { cancelOrder } from '../../application/ordering/cancel-order';
import { getOrder } from '../../application/ordering/get-order';
import { listOrders } from '../../application/ordering/list-orders';
import { placeOrder } from '../../application/ordering/place-order';
import { protectedProcedure, router } from '../trpc';
import { orderView } from '../presenters/order.presenter';

export const ordersRouter = router({
  place: protectedProcedure.input(placeOrderInput).mutation(async ({ ctx, input }) => {
    const deps = { log: ctx.log, checkout: ctx.checkout, ordering: ctx.ordering };
    return orderView(await placeOrder(deps, ctx.user.id, input));
  }),

  list: protectedProcedure.query(async ({ ctx }) =>
    (await listOrders(ctx.ordering, ctx.user.id)).map(orderView),
  ),

  get: protectedProcedure
    .input(orderIdInput)
    .query(async ({ ctx, input }) =>
      orderView(await getOrder(ctx.ordering, ctx.user.id, input.id)),
    ),

  cancel: protectedProcedure.input(orderIdInput).mutation(async ({ ctx, input }) => {
    await cancelOrder(ctx.ordering, ctx.checkout, ctx.user.id, input.id);
    return orderView(await getOrder(ctx.ordering, ctx.user.id, input.id));
  }),
});
