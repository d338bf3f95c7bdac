import { catalogGetInput, catalogListInput } from '@shop/contract/catalog';
import { getProduct } from '../../application/catalog/get-product';
import { listCategories } from '../../application/catalog/list-categories';
import { listProducts } from '../../application/catalog/list-products';
import { publicProcedure, router } from '../trpc';
import { categoriesView, productPageView, productView } from '../presenters/product.presenter';

export const catalogRouter = router({
  list: publicProcedure
    .input(catalogListInput)
    .query(async ({ ctx, input }) => productPageView(await listProducts(ctx.catalog, input))),

  get: publicProcedure
    .input(catalogGetInput)
    .query(async ({ ctx, input }) => productView(await getProduct(ctx.catalog, input.slug))),

  categories: publicProcedure.query(async ({ ctx }) =>
    categoriesView(await listCategories(ctx.catalog)),
  ),
});
