import { z } from 'zod';

export const maxLineQuantity = 99;

export const productId = z.uuid('Unknown product');

export const cartAddInput = z.object({
  productId,
  quantity: z.number().int().min(1, 'Quantity must be at least 1').max(maxLineQuantity),
});
export type CartAddInput = z.infer<typeof cartAddInput>;

/** Quantity 0 removes the line; a quantity above stock is capped at stock. */
export const cartUpdateInput = z.object({
  productId,
  quantity: z.number().int().min(0).max(maxLineQuantity),
});
export type CartUpdateInput = z.infer<typeof cartUpdateInput>;

export const cartRemoveInput = z.object({ productId });
export type CartRemoveInput = z.infer<typeof cartRemoveInput>;
