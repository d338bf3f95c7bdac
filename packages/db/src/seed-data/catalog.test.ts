import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { benchProduct } from './bench-products';
import { SOLD_OUT_SLUG, demoCategories, demoProducts, imageUrlFor } from './catalog';

describe('demo catalog', () => {
  it('has at least 40 products in at least 5 categories, each category used', () => {
    expect(demoProducts.length).toBeGreaterThanOrEqual(40);
    expect(demoCategories.length).toBeGreaterThanOrEqual(5);
    for (const category of demoCategories) {
      expect(demoProducts.some((p) => p.category === category.slug)).toBe(true);
    }
  });

  it('uses unique slugs and whole-won prices', () => {
    expect(new Set(demoProducts.map((p) => p.slug)).size).toBe(demoProducts.length);
    for (const p of demoProducts) {
      expect(Number.isInteger(p.price) && p.price > 0).toBe(true);
      expect(p.slug).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('has several low-stock products and exactly one sold out', () => {
    expect(demoProducts.filter((p) => p.stock === 0).map((p) => p.slug)).toEqual([SOLD_OUT_SLUG]);
    expect(demoProducts.filter((p) => p.stock >= 1 && p.stock <= 5).length).toBeGreaterThanOrEqual(
      3,
    );
  });

  it('ships an image in the web app for every product', () => {
    for (const p of demoProducts) {
      const file = fileURLToPath(
        new URL(`../../../../apps/web/public${imageUrlFor(p.slug)}`, import.meta.url),
      );
      expect(existsSync(file), file).toBe(true);
    }
  });
});

describe('bench products', () => {
  it('are deterministic, so re-seeding inserts nothing new', () => {
    expect(benchProduct(1234)).toEqual(benchProduct(1234));
    expect(benchProduct(1).slug).toBe('bench-00001');
    expect(benchProduct(9999).slug).toBe('bench-09999');
  });

  it('stay valid: positive integer prices, stock in range, known category', () => {
    const slugs = new Set(demoCategories.map((c) => c.slug));
    for (let i = 1; i <= 500; i++) {
      const p = benchProduct(i);
      expect(Number.isInteger(p.price) && p.price > 0).toBe(true);
      expect(p.stock).toBeGreaterThan(0);
      expect(slugs.has(p.category)).toBe(true);
    }
  });
});
