import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@shop/api/root';

/** Response shapes, inferred from the API router: the UI never restates the wire contract by hand. */
type RouterOutputs = inferRouterOutputs<AppRouter>;
export type Product = RouterOutputs['catalog']['get'];
export type ProductPage = RouterOutputs['catalog']['list'];
export type Order = RouterOutputs['orders']['get'];
export type AdminOrder = RouterOutputs['admin']['orders']['list'][number];
