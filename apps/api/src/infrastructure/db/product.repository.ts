import type { Prisma } from '@shop/db/client';

/** The columns every product read returns, with its category: the shape a product has upstairs. */
export const productSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  priceAmount: true,
  currency: true,
  imageUrl: true,
  stock: true,
  createdAt: true,
  category: { select: { slug: true, name: true } },
} satisfies Prisma.ProductSelect;

export type ProductRow = Prisma.ProductGetPayload<{ select: typeof productSelect }>;
