import type { Money } from '@shop/contract/money';
import type { ProductPage } from '../../application/catalog/list-products';
import type { Category, Product } from '@shop/domain/catalog/product';

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

export function productView(product: Product): ProductView {
  return {
    id: product.id,
    slug: product.slug,
    name: product.name,
    description: product.description,
    price: money(product.price.amount, product.price.currency),
    imageUrl: product.imageUrl,
    stock: product.stock,
    category: { slug: product.category.slug, name: product.category.name },
  };
}

export function productPageView(page: ProductPage) {
  return { items: page.items.map(productView), nextCursor: page.nextCursor };
}

export function categoriesView(categories: Category[]) {
  return categories.map(({ slug, name, productCount }) => ({ slug, name, productCount }));
}
