import type { Money } from '@shop/contract/money';
import type { ProductPage } from '../../application/catalog/list-products';
import type { CategoryRow, ProductRow } from '../../infrastructure/db/product.repository';

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

export function productView(product: ProductRow): ProductView {
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

export function categoriesView(categories: CategoryRow[]) {
  return categories.map(({ slug, name, productCount }) => ({ slug, name, productCount }));
}
