import { z } from 'zod';
import { orderStatuses } from './orders';

export const adminOrdersListInput = z
  .object({ status: z.enum(orderStatuses).optional() })
  .default({});
export type AdminOrdersListInput = z.input<typeof adminOrdersListInput>;
