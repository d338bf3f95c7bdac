import { randomUUID } from 'node:crypto';
import { createPrismaClient, type PrismaClient } from '@shop/db/client';
import { createTestDatabase } from '@shop/db/testing';
import { createCaller, createContext, createMemoryCookieJar, hashPassword } from '../src/testing';

export interface Harness {
  prisma: PrismaClient;
  close(): Promise<void>;
}

/** A brand-new migrated database for one test file. */
export async function startHarness(label: string): Promise<Harness> {
  const database = await createTestDatabase(`api_${label}`);
  const prisma = createPrismaClient(database.url, { max: 20 });
  return {
    prisma,
    async close() {
      await prisma.$disconnect();
      await database.drop();
    },
  };
}

/** One browser: a cookie jar that survives across calls, like the real one. */
export function browser(prisma: PrismaClient) {
  const cookies = createMemoryCookieJar();
  const caller = createCaller(() => createContext({ db: prisma, cookies }));
  return { cookies, caller };
}

export type Browser = ReturnType<typeof browser>;

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function createProduct(
  prisma: PrismaClient,
  overrides: Partial<{
    name: string;
    description: string;
    priceAmount: number;
    stock: number;
    createdAt: Date;
    categorySlug: string;
  }> = {},
) {
  const categorySlug = overrides.categorySlug ?? unique('cat');
  const category = await prisma.category.upsert({
    where: { slug: categorySlug },
    create: { slug: categorySlug, name: `Category ${categorySlug}` },
    update: {},
  });
  const slug = unique('product');
  return prisma.product.create({
    data: {
      slug,
      name: overrides.name ?? `Product ${slug}`,
      description: overrides.description ?? 'A thing worth having.',
      priceAmount: overrides.priceAmount ?? 10_000,
      currency: 'KRW',
      imageUrl: `/products/${slug}.svg`,
      stock: overrides.stock ?? 10,
      categoryId: category.id,
      ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
    },
  });
}

export const password = 'correct-horse-battery';

export async function signedUpShopper(prisma: PrismaClient, name = 'Shopper') {
  const shopper = browser(prisma);
  const email = `${unique('shopper')}@shop.test`;
  const user = await shopper.caller.auth.signUp({ name, email, password });
  return { ...shopper, user, email };
}

export async function loggedInAdmin(prisma: PrismaClient) {
  const email = `${unique('admin')}@shop.test`;
  await prisma.user.create({
    data: { name: 'Admin', email, role: 'ADMIN', passwordHash: await hashPassword(password) },
  });
  const admin = browser(prisma);
  await admin.caller.auth.logIn({ email, password });
  return admin;
}

export const address = {
  fullName: 'Kim Minji',
  address: '1 Sejong-daero',
  city: 'Seoul',
  postalCode: '04524',
  country: 'KR',
};

export const approvedCard = { cardNumber: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' };
export const declinedCard = { cardNumber: '4000 0000 0000 0002', expiry: '12/30', cvc: '123' };

export const checkout = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  shippingAddress: address,
  payment: approvedCard,
  ...overrides,
});
