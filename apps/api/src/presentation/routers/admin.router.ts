import { adminOrdersListInput } from '@shop/contract/admin';
import { orderIdInput } from '@shop/contract/orders';
import { advanceOrder, listAllOrders } from '../../models/order.model';
import { adminProcedure, router } from '../trpc';
import { adminOrderView } from '../presenters/order.presenter';

export const adminRouter = router({
  orders: router({
    list: adminProcedure
      .input(adminOrdersListInput)
      .query(async ({ ctx, input }) =>
        (await listAllOrders(ctx.db, input.status)).map(adminOrderView),
      ),

    ship: adminProcedure.input(orderIdInput).mutation(async ({ ctx, input }) => {
      const order = await advanceOrder(ctx.db, input.id, 'SHIPPED');
      ctx.log.info(
        { event: 'order.shipped', orderId: order.id, adminId: ctx.user.id },
        `order ${order.id} marked shipped`,
      );
      return adminOrderView(order);
    }),

    deliver: adminProcedure.input(orderIdInput).mutation(async ({ ctx, input }) => {
      const order = await advanceOrder(ctx.db, input.id, 'DELIVERED');
      ctx.log.info(
        { event: 'order.delivered', orderId: order.id, adminId: ctx.user.id },
        `order ${order.id} marked delivered`,
      );
      return adminOrderView(order);
    }),
  }),
});
