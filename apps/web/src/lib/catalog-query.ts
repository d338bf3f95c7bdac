import { catalogListInput, type CatalogSort } from '@shop/contract/catalog';

export const catalogPageSize = 12;

export const sortLabels: Record<CatalogSort, string> = {
  relevance: 'Relevance',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  newest: 'Newest',
};

export type SearchParams = Record<string, string | string[] | undefined>;
export type CatalogQuery = ReturnType<typeof catalogQuery>;

const one = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) || undefined;

/** Control characters (NUL, newlines, DEL…) cannot be typed into the search box; they become spaces. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]+/g;
const searchText = (value: string | undefined) => value?.replace(controlCharacters, ' ');

/** Reads the catalog query from the URL; anything the contract's schema refuses falls back to the defaults. */
export function catalogQuery(params: SearchParams) {
  const raw = {
    q: searchText(one(params.q)),
    category: one(params.category),
    sort: one(params.sort),
    cursor: one(params.cursor),
  };
  const parsed = catalogListInput.safeParse({ ...raw, limit: catalogPageSize });
  return parsed.success ? parsed.data : catalogListInput.parse({ limit: catalogPageSize });
}

/** The URL of a catalog page: same search, category and sort; `cursor` picks the page (none = first). */
export function catalogHref(query: CatalogQuery, cursor?: string): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.category) params.set('category', query.category);
  if (query.sort !== 'relevance') params.set('sort', query.sort);
  if (cursor) params.set('cursor', cursor);
  const search = params.toString();
  return search ? `/?${search}` : '/';
}
