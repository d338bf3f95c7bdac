import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { formatMoney } from '@shop/contract/money';
import { api, orNotFound } from '~/trpc/server';
import { stockLabel, stockLevel } from '~/lib/stock';
import { AddToCartButton } from '~/app/_components/add-to-cart-button';

type Props = { params: Promise<{ slug: string }> };

/** Metadata and page share one API call per request. */
const getProduct = cache(async (slug: string) =>
  orNotFound((await api()).catalog.get.query({ slug })),
);

async function loadProduct(params: Props['params']) {
  return getProduct((await params).slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await loadProduct(params);
  return { title: product.name, description: product.description };
}

export default async function ProductPage({ params }: Props) {
  const product = await loadProduct(params);
  return (
    <article className="product-detail">
      <p className="breadcrumbs">
        <Link href="/">All products</Link> /{' '}
        <Link href={`/?category=${product.category.slug}`}>{product.category.name}</Link>
      </p>
      <img
        src={product.imageUrl}
        alt={product.name}
        width={640}
        height={480}
        className="product-image"
      />
      <div className="product-info">
        <h1>{product.name}</h1>
        <p className="price price-large">{formatMoney(product.price)}</p>
        <p className={`stock-status stock-${stockLevel(product.stock)}`}>
          {stockLabel(product.stock)}
        </p>
        <p className="description">{product.description}</p>
        <AddToCartButton
          productId={product.id}
          productName={product.name}
          soldOut={product.stock <= 0}
        />
      </div>
    </article>
  );
}
