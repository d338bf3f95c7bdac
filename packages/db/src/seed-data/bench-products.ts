/**
 * Deterministic filler products for benchmarks: the same index always yields the same row, so seeding
 * 10,000 products twice inserts nothing the second time.
 */
import type { DemoProduct } from './catalog';
import { demoCategories, demoProducts } from './catalog';

const adjectives = [
  'Everyday',
  'Classic',
  'Compact',
  'Handmade',
  'Studio',
  'Travel',
  'Heritage',
  'Minimal',
  'Sturdy',
  'Soft',
];
const finishes = [
  'Oak',
  'Walnut',
  'Charcoal',
  'Sand',
  'Olive',
  'Indigo',
  'Clay',
  'Ivory',
  'Copper',
  'Slate',
];

export interface BenchProduct extends DemoProduct {
  /** Reuses a demo product's image: benchmarks need a URL, not a new picture. */
  imageSlug: string;
}

export function benchProduct(index: number): BenchProduct {
  const template = demoProducts[index % demoProducts.length] as DemoProduct;
  const adjective = adjectives[index % adjectives.length] as string;
  const finish = finishes[Math.floor(index / adjectives.length) % finishes.length] as string;
  const serial = String(index).padStart(5, '0');
  const baseName = template.name.split(',')[0] ?? template.name;
  return {
    slug: `bench-${serial}`,
    name: `${adjective} ${finish} ${baseName} ${serial}`,
    description: `${template.description} ${adjective} edition in ${finish.toLowerCase()}.`,
    price: 5000 + ((index * 7919) % 300) * 500,
    stock: 20 + ((index * 31) % 180),
    category: demoCategories[index % demoCategories.length]?.slug ?? template.category,
    imageSlug: template.slug,
  };
}
