import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@shop/api/root';

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type Product = RouterOutputs['catalog']['get'];
export type Category = RouterOutputs['catalog']['categories'][number];
export type User = NonNullable<RouterOutputs['auth']['me']>;
export type Cart = RouterOutputs['cart']['get'];
export type CartLine = Cart['items'][number];
export type Order = RouterOutputs['orders']['get'];
export type AdminOrder = RouterOutputs['admin']['orders']['list'][number];
