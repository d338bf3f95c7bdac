import Link from 'next/link';
import { api } from '~/trpc/server';
import {
  catalogHref,
  catalogQuery,
  type CatalogQuery,
  type SearchParams,
} from '~/lib/catalog-query';
import { trpcErrorCode } from '~/lib/trpc-error';
import type { ProductPage } from '~/trpc/types';
import { CatalogFilters } from '~/app/_components/catalog-filters';
import { ProductCard } from '~/app/_components/product-card';

type Client = Awaited<ReturnType<typeof api>>;

type Listing =
  | { kind: 'page'; query: CatalogQuery; page: ProductPage; cursorDropped: boolean }
  | { kind: 'refused'; query: CatalogQuery };

/**
 * The API refuses (BAD_REQUEST) what a hand-edited URL can carry: a cursor it never minted, a search
 * it cannot run. A refused cursor falls back to the first page; a refused search gets a plain
 * message. Anything else still reaches the error boundary.
 */
async function listProducts(client: Client, query: CatalogQuery): Promise<Listing> {
  try {
    return {
      kind: 'page',
      query,
      page: await client.catalog.list.query(query),
      cursorDropped: false,
    };
  } catch (error) {
    if (trpcErrorCode(error) !== 'BAD_REQUEST') throw error;
  }
  if (!query.cursor) return { kind: 'refused', query };
  const firstPage = { ...query, cursor: undefined };
  const listing = await listProducts(client, firstPage);
  return listing.kind === 'page' ? { ...listing, cursorDropped: true } : listing;
}

export default async function CatalogPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const client = await api();
  const [listing, categories] = await Promise.all([
    listProducts(client, catalogQuery(await searchParams)),
    client.catalog.categories.query(),
  ]);
  const { query } = listing;

  if (listing.kind === 'refused') {
    return (
      <>
        <h1>We could not read that search</h1>
        <CatalogFilters query={{ ...query, q: undefined }} categories={categories} />
        <p className="empty">
          The address asks for a search the shop cannot run. Try other words, or{' '}
          <Link href="/">show all products</Link>.
        </p>
      </>
    );
  }
  const { page } = listing;

  return (
    <>
      <h1>{query.q ? `Results for “${query.q}”` : 'All products'}</h1>
      <CatalogFilters query={query} categories={categories} />
      {listing.cursorDropped && (
        <p className="note" role="status">
          That page link no longer works, so this is the first page.
        </p>
      )}

      {page.items.length === 0 ? (
        <p className="empty">
          No products match. <Link href="/">Show all products</Link>
        </p>
      ) : (
        <ul className="product-grid" aria-label="Products">
          {page.items.map((product) => (
            <li key={product.id}>
              <ProductCard product={product} />
            </li>
          ))}
        </ul>
      )}

      <nav aria-label="Pagination" className="pagination">
        {query.cursor && <Link href={catalogHref(query)}>First page</Link>}
        {page.nextCursor && (
          <Link href={catalogHref(query, page.nextCursor)} rel="next" className="button">
            Next page
          </Link>
        )}
      </nav>
    </>
  );
}
