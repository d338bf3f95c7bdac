import { describe, expect, it } from 'vitest';
import { cursorAfter, decodeCursor, encodeCursor, type Cursor, type LastOnPage } from './cursor';

const id = '0b9f3c1e-8f1a-4c1b-9d7e-2f4a6b8c0d1e';

describe('catalog cursor', () => {
  const cursors: Cursor[] = [
    { sort: 'newest', createdAt: '2026-11-25T01:02:03.456Z', id },
    { sort: 'relevance', rank: 1, createdAt: '2026-11-25T01:02:03.456Z', id },
    { sort: 'price_asc', price: 12_900, id },
    { sort: 'price_desc', price: 0, id },
  ];

  it.each(cursors)('round-trips $sort as an opaque base64url string', (cursor) => {
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded, cursor.sort)).toEqual(cursor);
  });

  it('refuses a cursor minted for another sort', () => {
    expect(
      decodeCursor(encodeCursor({ sort: 'price_asc', price: 1, id }), 'price_desc'),
    ).toBeNull();
  });

  it.each([
    '',
    'not base64!',
    Buffer.from('not json').toString('base64url'),
    Buffer.from('{"sort":"newest","createdAt":"yesterday","id":"x"}').toString('base64url'),
    Buffer.from(JSON.stringify({ sort: 'price_asc', price: 1.5, id })).toString('base64url'),
    Buffer.from(
      JSON.stringify({ sort: 'relevance', rank: 7, createdAt: '2026-11-25T01:02:03.456Z', id }),
    ).toString('base64url'),
  ])('refuses forged cursor %j', (raw) => {
    expect(decodeCursor(raw, 'newest')).toBeNull();
  });
});

describe('catalog cursor bounds: only what the API can mint', () => {
  const forge = (cursor: Record<string, unknown>) =>
    Buffer.from(JSON.stringify(cursor)).toString('base64url');
  const at = '2026-11-25T01:02:03.456Z';

  it.each([
    { sort: 'price_asc', price: 0, id },
    { sort: 'price_desc', price: 2_147_483_647, id },
    { sort: 'newest', createdAt: '1970-01-01T00:00:00.000Z', id },
    { sort: 'relevance', rank: 0, createdAt: '9999-12-31T23:59:59.999Z', id },
  ] as Cursor[])('accepts the edge of the range: %j', (cursor) => {
    expect(decodeCursor(encodeCursor(cursor), cursor.sort)).toEqual(cursor);
  });

  it.each([
    ['a price beyond the Int column', { sort: 'price_asc', price: 2 ** 31, id }],
    ['a huge price', { sort: 'price_desc', price: 1e20, id }],
    ['the largest safe integer', { sort: 'price_asc', price: Number.MAX_SAFE_INTEGER, id }],
    ['a negative price', { sort: 'price_asc', price: -1, id }],
    ['a price below the Int column', { sort: 'price_desc', price: -(2 ** 31) - 1, id }],
    ['a price as a string', { sort: 'price_asc', price: '100', id }],
    ['year 0', { sort: 'newest', createdAt: '0000-01-01T00:00:00.000Z', id }],
    ['before 1970', { sort: 'newest', createdAt: '1969-12-31T23:59:59.999Z', id }],
    ['microseconds', { sort: 'newest', createdAt: '2026-11-25T01:02:03.456789Z', id }],
    ['no milliseconds', { sort: 'newest', createdAt: '2026-11-25T01:02:03Z', id }],
    ['an offset', { sort: 'newest', createdAt: '2026-11-25T10:02:03.456+09:00', id }],
    [
      'the 30th of February',
      { sort: 'relevance', rank: 1, createdAt: '2026-02-30T00:00:00.000Z', id },
    ],
    ['an extended year', { sort: 'newest', createdAt: '+275760-09-13T00:00:00.000Z', id }],
    ['an id that is not a uuid', { sort: 'newest', createdAt: at, id: 'x' }],
    ['an id with a NUL', { sort: 'newest', createdAt: at, id: `${id}\u0000` }],
    ['a field we never mint', { sort: 'newest', createdAt: at, id, extra: 1 }],
    ['a missing id', { sort: 'price_asc', price: 1 }],
  ])('refuses %s', (_label, cursor) => {
    expect(decodeCursor(forge(cursor), cursor.sort as Cursor['sort'])).toBeNull();
  });
});

describe('the cursor after a page', () => {
  const last: LastOnPage = {
    id,
    priceAmount: 12_900,
    createdAt: new Date('2026-11-25T01:02:03.456Z'),
    rank: 1,
  };

  it.each([
    { sort: 'newest', createdAt: '2026-11-25T01:02:03.456Z', id },
    { sort: 'relevance', rank: 1, createdAt: '2026-11-25T01:02:03.456Z', id },
    { sort: 'price_asc', price: 12_900, id },
    { sort: 'price_desc', price: 12_900, id },
  ] as Cursor[])('holds the last product’s key for $sort, and decodes for that sort', (cursor) => {
    expect(cursorAfter(cursor.sort, last)).toEqual(cursor);
    expect(decodeCursor(encodeCursor(cursorAfter(cursor.sort, last)), cursor.sort)).toEqual(cursor);
  });
});
