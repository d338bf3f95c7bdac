import { describe, expect, it } from 'vitest';
import type { Cursor } from './cursor';
import { pageParts, substringPattern } from './search';

const id = '0b9f3c1e-8f1a-4c1b-9d7e-2f4a6b8c0d1e';
const createdAt = '2026-11-25T01:02:03.456Z';

describe('search text as a pattern', () => {
  it.each([
    ['mug', '%mug%'],
    ['100%', '%100\\%%'],
    ['a_b', '%a\\_b%'],
    ['back\\slash', '%back\\\\slash%'],
    ['%_\\', '%\\%\\_\\\\%'],
  ])('matches %j literally', (q, pattern) => {
    expect(substringPattern(q)).toBe(pattern);
  });
});

describe('the parts of a page', () => {
  it('without search text reads every product in the sort’s order; relevance is newest', () => {
    expect(pageParts('relevance', null, null)).toEqual([
      { rank: 0, order: 'newest', text: null, after: null },
    ]);
    const cursor: Cursor = { sort: 'price_desc', price: 5, id };
    expect(pageParts('price_desc', null, cursor)).toEqual([
      { rank: 0, order: 'price_desc', text: null, after: cursor },
    ]);
  });

  it('without search text has nothing past the first relevance group', () => {
    expect(pageParts('relevance', null, { sort: 'relevance', rank: 1, createdAt, id })).toEqual([]);
  });

  it('with search text and a plain sort reads name or description matches in that order', () => {
    const cursor: Cursor = { sort: 'newest', createdAt, id };
    expect(pageParts('newest', 'mug', cursor)).toEqual([
      {
        rank: 0,
        order: 'newest',
        text: { match: 'name_or_description', pattern: '%mug%' },
        after: cursor,
      },
    ]);
  });

  it('by relevance reads name matches, then description-only matches, each newest first', () => {
    expect(pageParts('relevance', 'mug', null)).toEqual([
      { rank: 0, order: 'newest', text: { match: 'name', pattern: '%mug%' }, after: null },
      {
        rank: 1,
        order: 'newest',
        text: { match: 'description_only', pattern: '%mug%' },
        after: null,
      },
    ]);
  });

  it('by relevance continues within the cursor’s group and starts the next one from the top', () => {
    const inNames: Cursor = { sort: 'relevance', rank: 0, createdAt, id };
    expect(pageParts('relevance', 'mug', inNames).map((p) => [p.rank, p.after])).toEqual([
      [0, inNames],
      [1, null],
    ]);
    const inDescriptions: Cursor = { sort: 'relevance', rank: 1, createdAt, id };
    expect(pageParts('relevance', 'mug', inDescriptions).map((p) => [p.rank, p.after])).toEqual([
      [1, inDescriptions],
    ]);
  });
});
