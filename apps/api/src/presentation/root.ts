import { adminRouter } from './routers/admin.router';
import { authRouter } from './routers/auth.router';
import { cartRouter } from './routers/cart.router';
import { catalogRouter } from './routers/catalog.router';
import { ordersRouter } from './routers/orders.router';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  catalog: catalogRouter,
  auth: authRouter,
  cart: cartRouter,
  orders: ordersRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
