/**
 * Search order across pages, for a rare word: most of its matches are older than thousands of newer
 * products, so a page is found partly by walking the newest products and partly through the
 * trigram indexes. Every page must come out exactly as the rules say, whichever way it was found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, createProduct, startHarness, unique, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('catalog_search');
});
afterAll(async () => {
  await h.close();
});

const guest = () => browser(h.prisma).caller;
type Sort = 'relevance' | 'newest' | 'price_asc' | 'price_desc';

interface Made {
  id: string;
  createdAt: Date;
  priceAmount: number;
  inName: boolean;
  category: string | undefined;
}

async function allPages(input: { q: string; sort: Sort; limit: number; category?: string }) {
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: { items: { id: string }[]; nextCursor: string | null } = await guest().catalog.list(
      { ...input, cursor },
    );
    expect(page.items.length).toBeLessThanOrEqual(input.limit);
    seen.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
    pages++;
    expect(pages).toBeLessThan(100);
  } while (cursor);
  return seen;
}

const byNewest = (a: Made, b: Made) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const byPrice = (direction: 1 | -1) => (a: Made, b: Made) =>
  direction * (a.priceAmount - b.priceAmount) ||
  direction * (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function expectedOrder(made: Made[], sort: Sort): string[] {
  const sorted = (compare: (a: Made, b: Made) => number) =>
    [...made].sort(compare).map((p) => p.id);
  switch (sort) {
    case 'relevance':
      return [
        ...sorted(byNewest).filter((id) => made.find((p) => p.id === id)?.inName),
        ...sorted(byNewest).filter((id) => !made.find((p) => p.id === id)?.inName),
      ];
    case 'newest':
      return sorted(byNewest);
    case 'price_asc':
      return sorted(byPrice(1));
    case 'price_desc':
      return sorted(byPrice(-1));
  }
}

describe('searching for a rare word', () => {
  const word = unique('sabal').replace('-', '');
  const category = unique('rare');
  const made: Made[] = [];

  beforeAll(async () => {
    const make = async (
      at: string,
      text: { name?: string; description?: string },
      priceAmount: number,
      categorySlug?: string,
    ) => {
      const p = await createProduct(h.prisma, {
        ...text,
        priceAmount,
        createdAt: new Date(at),
        ...(categorySlug ? { categorySlug } : {}),
      });
      made.push({
        id: p.id,
        createdAt: p.createdAt,
        priceAmount,
        inName: p.name.toLowerCase().includes(word),
        category: categorySlug,
      });
    };
    const upper = word.toUpperCase();
    // Among the newest products: two name matches and a description-only one.
    await make('2026-06-01T00:00:00.000Z', { name: `${word} lamp` }, 3_000, category);
    await make('2026-05-01T00:00:00.000Z', { description: `dyed with ${upper}` }, 1_000);
    await make('2026-04-01T00:00:00.000Z', { name: `Big ${upper} rug` }, 3_000);

    // Thousands of newer-than-the-rest products that do not match.
    const filler = await h.prisma.category.create({ data: { slug: unique('filler'), name: 'F' } });
    await h.prisma.product.createMany({
      data: Array.from({ length: 2_500 }, (_, i) => ({
        slug: unique(`filler-${i}`),
        name: `Filler ${i}`,
        description: 'Nothing to see.',
        priceAmount: 2_000,
        currency: 'KRW',
        imageUrl: '/products/filler.svg',
        stock: 5,
        categoryId: filler.id,
        createdAt: new Date(Date.UTC(2026, 2, 1) - i * 1000),
      })),
    });

    // Older matches, past the filler: name matches, description-only matches, a word in both, and
    // ties on createdAt and on price that only the id can break.
    const tie = '2025-01-01T00:00:00.000Z';
    for (let i = 0; i < 4; i++) await make(tie, { name: `${word} bowl ${i}` }, 2_000, category);
    for (let i = 0; i < 4; i++)
      await make(tie, { description: `a ${word} finish, no. ${i}` }, 2_000, category);
    await make('2024-12-01T00:00:00.000Z', { name: `${word}`, description: `all ${word}` }, 500);
    for (let i = 0; i < 3; i++)
      await make(
        `2024-0${i + 1}-01T00:00:00.000Z`,
        { name: `Old thing ${i}`, description: `Says ${word}!` },
        4_000 + i,
      );
    // Not matches: the word broken up, or only part of it.
    await createProduct(h.prisma, { name: word.slice(0, 4), createdAt: new Date(tie) });
    await createProduct(h.prisma, { description: `${word.slice(0, 3)} ${word.slice(3)}` });
  });

  it.each([
    ['relevance', 1],
    ['relevance', 2],
    ['relevance', 5],
    ['relevance', 24],
    ['newest', 2],
    ['price_asc', 3],
    ['price_desc', 4],
  ] as [Sort, number][])(
    'sorted by %s, %i at a time: every match once, in order',
    async (sort, limit) => {
      expect(await allPages({ q: word, sort, limit })).toEqual(expectedOrder(made, sort));
    },
  );

  it('pages the same way within a category', async () => {
    const inCategory = made.filter((p) => p.category === category);
    expect(inCategory).toHaveLength(9);
    for (const sort of ['relevance', 'price_desc'] as const) {
      expect(await allPages({ q: word, sort, limit: 3, category }), sort).toEqual(
        expectedOrder(inCategory, sort),
      );
    }
  });

  it('finds the same rows whatever the case of the search text', async () => {
    const lower = await allPages({ q: word.toLowerCase(), sort: 'relevance', limit: 4 });
    expect(await allPages({ q: word.toUpperCase(), sort: 'relevance', limit: 4 })).toEqual(lower);
    expect(lower).toHaveLength(made.length);
  });
});
