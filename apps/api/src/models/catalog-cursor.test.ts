import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, type Cursor } from './catalog-cursor';

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
    expect(() =>
      decodeCursor(encodeCursor({ sort: 'price_asc', price: 1, id }), 'price_desc'),
    ).toThrow('Invalid cursor');
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
  ])('refuses forged cursor %j with BAD_REQUEST', (raw) => {
    expect(() => decodeCursor(raw, 'newest')).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST' }) as Error,
    );
  });
});
