import Link from 'next/link';
import { catalogListInput, catalogSorts, type CatalogSort } from '@shop/contract/catalog';
import { api } from '~/trpc/server';
import { ProductCard } from '~/app/_components/product-card';
import { AutoSubmitSelect } from '~/app/_components/auto-submit-select';

const pageSize = 12;

const sortLabels: Record<CatalogSort, string> = {
  relevance: 'Relevance',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  newest: 'Newest',
};

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** Reads the catalog query from the URL, dropping whatever does not pass the contract's schema. */
function catalogQuery(params: SearchParams) {
  const raw = { q: one(params.q), category: one(params.category), sort: one(params.sort), cursor: one(params.cursor) };
  const parsed = catalogListInput.safeParse({ ...raw, limit: pageSize });
  return parsed.success ? parsed.data : catalogListInput.parse({ limit: pageSize });
}

function pageHref(query: ReturnType<typeof catalogQuery>, cursor?: string) {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.category) params.set('category', query.category);
  if (query.sort !== 'relevance') params.set('sort', query.sort);
  if (cursor) params.set('cursor', cursor);
  const search = params.toString();
  return search ? `/?${search}` : '/';
}

export default async function CatalogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = catalogQuery(await searchParams);
  const client = await api();
  const [page, categories] = await Promise.all([client.catalog.list.query(query), client.catalog.categories.query()]);
  const heading = query.q ? `Results for “${query.q}”` : 'All products';

  return (
    <>
      <h1>{heading}</h1>
      <form method="get" action="/" className="catalog-filters" aria-label="Filter products">
        <div className="field field-grow">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ''} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="category">Category</label>
          <AutoSubmitSelect id="category" name="category" defaultValue={query.category ?? ''}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name} ({c.productCount})
              </option>
            ))}
          </AutoSubmitSelect>
        </div>
        <div className="field">
          <label htmlFor="sort">Sort by</label>
          <AutoSubmitSelect id="sort" name="sort" defaultValue={query.sort}>
            {catalogSorts.map((s) => (
              <option key={s} value={s}>
                {sortLabels[s]}
              </option>
            ))}
          </AutoSubmitSelect>
        </div>
        <button type="submit" className="button">
          Apply
        </button>
      </form>

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
        {query.cursor && <Link href={pageHref(query)}>First page</Link>}
        {page.nextCursor && (
          <Link href={pageHref(query, page.nextCursor)} rel="next" className="button">
            Next page
          </Link>
        )}
      </nav>
    </>
  );
}
