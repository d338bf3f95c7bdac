import { adminRouter } from './controllers/admin.router';
import { authRouter } from './controllers/auth.router';
import { cartRouter } from './controllers/cart.router';
import { catalogRouter } from './controllers/catalog.router';
import { ordersRouter } from './controllers/orders.router';
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
