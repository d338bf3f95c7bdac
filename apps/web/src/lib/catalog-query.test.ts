import { describe, expect, it } from 'vitest';
import { catalogHref, catalogPageSize, catalogQuery } from './catalog-query';

describe('catalogQuery', () => {
  it('reads search, category, sort and cursor from the URL', () => {
    expect(
      catalogQuery({ q: ' mug ', category: 'outdoor', sort: 'price_asc', cursor: 'abc' }),
    ).toEqual({
      q: 'mug',
      category: 'outdoor',
      sort: 'price_asc',
      cursor: 'abc',
      limit: catalogPageSize,
    });
  });

  it('falls back to the first page of everything when the URL is not a valid query', () => {
    expect(catalogQuery({ sort: 'cheapest', category: 'Not A Slug!' })).toEqual({
      sort: 'relevance',
      limit: catalogPageSize,
    });
  });

  it('turns control characters in the search text into spaces', () => {
    expect(catalogQuery({ q: 'a\u0000b' }).q).toBe('a b');
    expect(catalogQuery({ q: '\u0001\u001f\u007fmug\r\n' }).q).toBe('mug');
    expect(catalogQuery({ q: '\u0000' }).q).toBe('');
  });

  it('takes the first of repeated parameters and ignores empty ones', () => {
    expect(catalogQuery({ q: ['a', 'b'], category: '' })).toMatchObject({
      q: 'a',
      sort: 'relevance',
    });
  });
});

describe('catalogHref', () => {
  it('keeps the filters, drops defaults, and sets the cursor', () => {
    const query = catalogQuery({ q: 'tea', sort: 'relevance' });
    expect(catalogHref(query, 'next-1')).toBe('/?q=tea&cursor=next-1');
    expect(catalogHref(catalogQuery({}))).toBe('/');
  });
});
