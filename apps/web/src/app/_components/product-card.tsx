import Link from 'next/link';
import { formatMoney } from '@shop/contract/money';
import type { Product } from '~/trpc/types';
import { StockBadge } from './stock-badge';

export function ProductCard({ product }: { product: Product }) {
  return (
    <article className="product-card">
      {/* The name below labels the card; the picture adds nothing for a screen reader. */}
      <img src={product.imageUrl} alt="" width={320} height={240} loading="lazy" />
      <h2 className="product-card-title">
        <Link href={`/products/${product.slug}`}>{product.name}</Link>
      </h2>
      <p className="product-card-meta">
        <span className="price">{formatMoney(product.price)}</span>
        <StockBadge stock={product.stock} />
      </p>
    </article>
  );
}
