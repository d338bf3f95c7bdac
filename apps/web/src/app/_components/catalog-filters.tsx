import { catalogSorts, searchTextMaxLength } from '@shop/contract/catalog';
import { sortLabels, type CatalogQuery } from '~/lib/catalog-query';
import { AutoSubmitSelect } from './auto-submit-select';

interface Props {
  query: CatalogQuery;
  categories: { slug: string; name: string; productCount: number }[];
}

/** A plain GET form: works without JavaScript; with it, the selects apply themselves. */
export function CatalogFilters({ query, categories }: Props) {
  return (
    <form method="get" action="/" className="catalog-filters" aria-label="Filter products">
      <div className="field field-grow">
        <label htmlFor="q">Search</label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={query.q ?? ''}
          maxLength={searchTextMaxLength}
        />
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
  );
}
