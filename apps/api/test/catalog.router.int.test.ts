import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, createProduct, startHarness, unique, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('catalog');
});
afterAll(async () => {
  await h.close();
});

const guest = () => browser(h.prisma).caller;

async function allPages(input: {
  q?: string;
  category?: string;
  sort?: 'relevance' | 'price_asc' | 'price_desc' | 'newest';
  limit: number;
}) {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: { id: string }[]; nextCursor: string | null } = await guest().catalog.list(
      { ...input, cursor },
    );
    expect(page.items.length).toBeLessThanOrEqual(input.limit);
    seen.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

describe('catalog.list', () => {
  it('searches name and description case-insensitively, name matches first', async () => {
    const word = unique('hanji').replace('-', '');
    const older = new Date('2026-01-01T00:00:00Z');
    const inDescription = await createProduct(h.prisma, {
      description: `Made of ${word.toUpperCase()} paper`,
      createdAt: new Date(),
    });
    const inName = await createProduct(h.prisma, { name: `${word} Lamp`, createdAt: older });
    await createProduct(h.prisma, { name: 'Unrelated' });

    const page = await guest().catalog.list({ q: word.toUpperCase() });

    expect(page.items.map((item) => item.id)).toEqual([inName.id, inDescription.id]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).toEqual({
      id: inName.id,
      slug: inName.slug,
      name: inName.name,
      description: inName.description,
      price: { amount: inName.priceAmount, currency: 'KRW' },
      imageUrl: inName.imageUrl,
      stock: inName.stock,
      category: { slug: expect.any(String) as string, name: expect.any(String) as string },
    });
  });

  it('lists the newest products 24 at a time when called without input', async () => {
    for (let i = 0; i < 25; i++) await createProduct(h.prisma);
    const page = await guest().catalog.list();
    expect(page.items).toHaveLength(24);
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(new Set(page.items.map((item) => item.id)).size).toBe(24);
  });

  it('treats % and _ in the search text literally', async () => {
    const word = unique('pct');
    await createProduct(h.prisma, { name: `${word} 100% cotton` });
    expect((await guest().catalog.list({ q: `${word} 100%` })).items).toHaveLength(1);
    expect((await guest().catalog.list({ q: `${word}%cotton` })).items).toHaveLength(0);
  });

  it('filters by category and sorts by price in both directions', async () => {
    const category = unique('bowls');
    for (const priceAmount of [3_000, 1_000, 2_000])
      await createProduct(h.prisma, { categorySlug: category, priceAmount });
    await createProduct(h.prisma, { priceAmount: 500 });

    const prices = async (sort: 'price_asc' | 'price_desc') =>
      (await guest().catalog.list({ category, sort })).items.map((item) => item.price.amount);
    expect(await prices('price_asc')).toEqual([1_000, 2_000, 3_000]);
    expect(await prices('price_desc')).toEqual([3_000, 2_000, 1_000]);
  });

  it('sorts newest first', async () => {
    const category = unique('new');
    const old = await createProduct(h.prisma, {
      categorySlug: category,
      createdAt: new Date('2025-01-01T00:00:00Z'),
    });
    const recent = await createProduct(h.prisma, {
      categorySlug: category,
      createdAt: new Date('2026-06-01T00:00:00Z'),
    });
    const ids = (await guest().catalog.list({ category, sort: 'newest' })).items.map(
      (item) => item.id,
    );
    expect(ids).toEqual([recent.id, old.id]);
  });

  it('pages with a cursor that is stable under ties, for every sort', async () => {
    const category = unique('ties');
    const createdAt = new Date('2026-03-03T03:03:03Z');
    const created = [];
    for (let i = 0; i < 11; i++) {
      created.push(
        await createProduct(h.prisma, {
          categorySlug: category,
          priceAmount: i < 6 ? 1_000 : 2_000,
          createdAt,
        }),
      );
    }
    const expected = created.map((p) => p.id).sort();
    for (const sort of ['relevance', 'newest', 'price_asc', 'price_desc'] as const) {
      const ids = await allPages({ category, sort, limit: 3 });
      expect(ids, sort).toHaveLength(11);
      expect([...ids].sort(), sort).toEqual(expected);
    }
  });

  it('pages across the name and description groups of a search', async () => {
    const word = unique('maedeup').replace('-', '');
    const ids = [];
    for (let i = 0; i < 3; i++)
      ids.push((await createProduct(h.prisma, { name: `${word} knot ${i}` })).id);
    for (let i = 0; i < 3; i++)
      ids.push((await createProduct(h.prisma, { description: `a ${word} knot` })).id);
    const seen = await allPages({ q: word, limit: 2 });
    expect(seen.slice(0, 3).sort()).toEqual(ids.slice(0, 3).sort());
    expect(seen.slice(3).sort()).toEqual(ids.slice(3).sort());
  });

  it('refuses a forged cursor or one minted for another sort', async () => {
    const category = unique('cur');
    for (let i = 0; i < 3; i++) await createProduct(h.prisma, { categorySlug: category });
    const { nextCursor } = await guest().catalog.list({ category, sort: 'newest', limit: 1 });
    expect(nextCursor).toEqual(expect.any(String));

    for (const cursor of [
      'not-a-cursor',
      'eyJzb3J0IjoibmV3ZXN0In0',
      '!!!',
      Buffer.from('{"sort":"newest","createdAt":"x","id":"y"}').toString('base64url'),
    ]) {
      await expect(
        guest().catalog.list({ category, sort: 'newest', cursor }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    await expect(
      guest().catalog.list({ category, sort: 'price_asc', cursor: nextCursor }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});

describe('catalog.get and catalog.categories', () => {
  it('finds a product by slug, or answers NOT_FOUND', async () => {
    const product = await createProduct(h.prisma);
    expect(await guest().catalog.get({ slug: product.slug })).toMatchObject({
      id: product.id,
      name: product.name,
    });
    await expect(guest().catalog.get({ slug: 'no-such-product' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('counts products per category', async () => {
    const category = unique('count');
    await createProduct(h.prisma, { categorySlug: category });
    await createProduct(h.prisma, { categorySlug: category });
    const categories = await guest().catalog.categories();
    expect(categories).toContainEqual({
      slug: category,
      name: `Category ${category}`,
      productCount: 2,
    });
  });
});
