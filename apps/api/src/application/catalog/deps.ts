import type { ProductRepository } from '@shop/domain/catalog/product-repository';

/** What the catalog's use cases need: its reads, behind the domain's interface. */
export interface CatalogDeps {
  products: ProductRepository;
}
