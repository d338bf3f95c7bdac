/** The card processor's answers, one CHARGE and at most one REFUND per order. */
import type { PaymentOutcome } from '@shop/db/client';
import type { Tx } from './transactions';

interface Amount {
  totalAmount: number;
  currency: string;
}

export async function hasCharge(tx: Tx, orderId: string): Promise<boolean> {
  const row = await tx.payment.findUnique({
    where: { orderId_kind: { orderId, kind: 'CHARGE' } },
    select: { id: true },
  });
  return row !== null;
}

export async function recordCharge(
  tx: Tx,
  orderId: string,
  order: Amount,
  charge: { outcome: PaymentOutcome; cardLast4: string },
): Promise<void> {
  await tx.payment.create({
    data: {
      orderId,
      kind: 'CHARGE',
      outcome: charge.outcome,
      amount: order.totalAmount,
      currency: order.currency,
      cardLast4: charge.cardLast4,
    },
  });
}

/** The whole order total back to the card that was charged. */
export async function recordRefund(tx: Tx, orderId: string, order: Amount): Promise<void> {
  const charge = await tx.payment.findUnique({
    where: { orderId_kind: { orderId, kind: 'CHARGE' } },
    select: { cardLast4: true },
  });
  await tx.payment.create({
    data: {
      orderId,
      kind: 'REFUND',
      outcome: 'APPROVED',
      amount: order.totalAmount,
      currency: order.currency,
      cardLast4: charge?.cardLast4 ?? '0000',
    },
  });
}
