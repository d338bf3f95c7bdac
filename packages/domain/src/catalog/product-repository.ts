import type { Tx } from '../shared/unit-of-work';
import type { Rank } from './cursor';
import type { Category, Product } from './product';
import type { PagePart } from './search';

/** The reads the catalog and the cart need; products are written by the back office, not here. */
export interface ProductRepository {
  findBySlug(slug: string): Promise<Product | null>;
  /** The products with these ids (a missing id has no entry), to show and price cart lines. */
  findByIds(productIds: readonly string[]): Promise<Map<string, Product>>;
  /**
   * The first `take` products of a page made of `parts` read one after another (a later part
   * only when the earlier ones did not fill it), each tagged with its part's rank.
   */
  findPage(query: {
    parts: readonly PagePart[];
    category: string | undefined;
    take: number;
  }): Promise<{ product: Product; rank: Rank }[]>;
  /** Every category by name, with how many products it holds. */
  findCategories(): Promise<Category[]>;
  /** Units on hand per product, for the ids that exist (a missing id has no entry). */
  findStock(tx: Tx | null, productIds: readonly string[]): Promise<Map<string, number>>;
}
