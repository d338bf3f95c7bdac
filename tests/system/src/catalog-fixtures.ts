/**
 * Products for the suite's shoppers to buy, written straight into the API's database (the back
 * office would do the same; the suite is not testing it). Stock is plenty unless told otherwise.
 */
import { randomBytes } from 'node:crypto';
import { createPrismaClient } from '@shop/db/client';

export interface Product {
  id: string;
  slug: string;
}

export async function createProducts(
  databaseUrl: string,
  count: number,
  { stock = 1_000_000, priceAmount = 12_000 } = {},
): Promise<Product[]> {
  const prisma = createPrismaClient(databaseUrl, { max: 1 });
  try {
    const tag = randomBytes(4).toString('hex');
    const category = await prisma.category.create({
      data: { slug: `system-${tag}`, name: `System ${tag}` },
    });
    const products: Product[] = [];
    for (let i = 0; i < count; i++) {
      const slug = `system-${tag}-${i}`;
      products.push(
        await prisma.product.create({
          data: {
            slug,
            name: `System product ${i}`,
            description: 'Bought by the system tests.',
            priceAmount: priceAmount + i * 100,
            currency: 'KRW',
            imageUrl: `/products/${slug}.svg`,
            stock,
            categoryId: category.id,
          },
          select: { id: true, slug: true },
        }),
      );
    }
    return products;
  } finally {
    await prisma.$disconnect();
  }
}
