import { adminOrdersListInput } from '@shop/contract/admin';
import { orderIdInput } from '@shop/contract/orders';
import { deliverOrder } from '../../application/ordering/deliver-order';
import { getAnyOrder } from '../../application/ordering/get-any-order';
import { listAllOrders } from '../../application/ordering/list-all-orders';
import { shipOrder } from '../../application/ordering/ship-order';
import { openQueueBoard } from '../../application/operations/open-queue-board';
import { adminProcedure, router } from '../trpc';
import { adminOrderView } from '../presenters/order.presenter';

export const adminRouter = router({
  orders: router({
    list: adminProcedure
      .input(adminOrdersListInput)
      .query(async ({ ctx, input }) =>
        (await listAllOrders(ctx.ordering, input.status)).map(adminOrderView),
      ),

    ship: adminProcedure.input(orderIdInput).mutation(async ({ ctx, input }) => {
      await shipOrder(ctx.ordering, ctx.user.id, input.id);
      return adminOrderView(await getAnyOrder(ctx.ordering, input.id));
    }),

    deliver: adminProcedure.input(orderIdInput).mutation(async ({ ctx, input }) => {
      await deliverOrder(ctx.ordering, ctx.user.id, input.id);
      return adminOrderView(await getAnyOrder(ctx.ordering, input.id));
    }),
  }),

  /** A one-minute link to the worker's queue board (Bull Board); a mutation: it issues a ticket. */
  opsLink: adminProcedure.mutation(({ ctx }) => openQueueBoard(ctx.operations, ctx.user.id)),
});
