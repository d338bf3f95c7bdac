/**
 * What ordering's integration events tell beyond the domain events: who to write to and what
 * they bought, read in the transaction that is about to commit.
 */
import type { Tx as DomainTx } from '@shop/domain/shared/unit-of-work';
import type { Db } from './transactions';
import { prismaTx } from './unit-of-work';

export function createOrderFacts(db: Db) {
  return async (tx: DomainTx, orderId: string) => {
    const order = await prismaTx(db, tx).order.findUnique({
      where: { id: orderId },
      select: {
        userId: true,
        totalAmount: true,
        currency: true,
        user: { select: { email: true, name: true } },
        lines: {
          orderBy: { name: 'asc' },
          select: { productId: true, name: true, quantity: true, unitPrice: true },
        },
      },
    });
    if (!order) return null;
    return {
      customerId: order.userId,
      email: order.user.email,
      customerName: order.user.name,
      amount: order.totalAmount,
      currency: order.currency.trim(),
      lines: order.lines,
    };
  };
}
