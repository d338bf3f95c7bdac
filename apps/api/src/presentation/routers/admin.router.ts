import { adminOrdersListInput, orderJourney } from '@shop/contract/admin';
import { orderIdInput } from '@shop/contract/orders';
import { deliverOrder } from '../../application/ordering/deliver-order';
import { getAnyOrder } from '../../application/ordering/get-any-order';
import { getOrderJourney } from '../../application/ordering/get-order-journey';
import { listAllOrders } from '../../application/ordering/list-all-orders';
import { shipOrder } from '../../application/ordering/ship-order';
import { openQueueBoard } from '../../application/operations/open-queue-board';
import { adminProcedure, router } from '../trpc';
import { journeyView } from '../presenters/journey.presenter';
import { adminOrderView } from '../presenters/order.presenter';

export const adminRouter = router({
  orders: router({
    list: adminProcedure
      .input(adminOrdersListInput)
      .query(async ({ ctx, input }) =>
        (await listAllOrders(ctx.ordering, input.status)).map(adminOrderView),
      ),

    get: adminProcedure
      .input(orderIdInput)
      .query(async ({ ctx, input }) => adminOrderView(await getAnyOrder(ctx.ordering, input.id))),

    /** The order's events and saga steps, for the back office's live timeline. */
    journey: adminProcedure
      .input(orderIdInput)
      .output(orderJourney)
      .query(async ({ ctx, input }) => journeyView(await getOrderJourney(ctx.ordering, input.id))),

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
