import { catalogGetInput, catalogListInput } from '@shop/contract/catalog';
import { getProductBySlug, listCategories, listProducts } from '../../models/product.model';
import { publicProcedure, router } from '../trpc';
import { categoriesView, productPageView, productView } from '../presenters/product.presenter';

export const catalogRouter = router({
  list: publicProcedure
    .input(catalogListInput)
    .query(async ({ ctx, input }) => productPageView(await listProducts(ctx.db, input))),

  get: publicProcedure
    .input(catalogGetInput)
    .query(async ({ ctx, input }) => productView(await getProductBySlug(ctx.db, input.slug))),

  categories: publicProcedure.query(async ({ ctx }) =>
    categoriesView(await listCategories(ctx.db)),
  ),
});
