import type { Money } from '@shop/contract/money';
import type { CategorySummary, ProductPage, ProductRecord } from '../../models/product.model';

export interface ProductView {
  id: string;
  slug: string;
  name: string;
  description: string;
  price: Money;
  imageUrl: string;
  stock: number;
  category: { slug: string; name: string };
}

export function money(amount: number, currency: string): Money {
  return { amount, currency: currency.trim() };
}

export function productView(product: ProductRecord): ProductView {
  return {
    id: product.id,
    slug: product.slug,
    name: product.name,
    description: product.description,
    price: money(product.priceAmount, product.currency),
    imageUrl: product.imageUrl,
    stock: product.stock,
    category: { slug: product.category.slug, name: product.category.name },
  };
}

export function productPageView(page: ProductPage) {
  return { items: page.items.map(productView), nextCursor: page.nextCursor };
}

export function categoriesView(categories: CategorySummary[]) {
  return categories.map(({ slug, name, productCount }) => ({ slug, name, productCount }));
}
