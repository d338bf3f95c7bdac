import { adminOrdersListInput } from '@shop/contract/admin';
import { orderIdInput } from '@shop/contract/orders';
import { advanceOrder, listAllOrders } from '../models/order.model';
import { adminProcedure, router } from '../trpc';
import { adminOrderView } from '../views/order.view';

export const adminRouter = router({
  orders: router({
    list: adminProcedure
      .input(adminOrdersListInput)
      .query(async ({ ctx, input }) =>
        (await listAllOrders(ctx.prisma, input.status)).map(adminOrderView),
      ),

    ship: adminProcedure
      .input(orderIdInput)
      .mutation(async ({ ctx, input }) =>
        adminOrderView(await advanceOrder(ctx.prisma, input.id, 'SHIPPED')),
      ),

    deliver: adminProcedure
      .input(orderIdInput)
      .mutation(async ({ ctx, input }) =>
        adminOrderView(await advanceOrder(ctx.prisma, input.id, 'DELIVERED')),
      ),
  }),
});
