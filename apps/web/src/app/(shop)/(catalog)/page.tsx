import Link from 'next/link';
import { api } from '~/trpc/server';
import { catalogHref, catalogQuery, type SearchParams } from '~/lib/catalog-query';
import { CatalogFilters } from '~/app/_components/catalog-filters';
import { ProductCard } from '~/app/_components/product-card';

export default async function CatalogPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const query = catalogQuery(await searchParams);
  const client = await api();
  const [page, categories] = await Promise.all([
    client.catalog.list.query(query),
    client.catalog.categories.query(),
  ]);

  return (
    <>
      <h1>{query.q ? `Results for “${query.q}”` : 'All products'}</h1>
      <CatalogFilters query={query} categories={categories} />

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
