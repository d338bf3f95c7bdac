/** The domain's PaymentRepository over Prisma: one CHARGE and at most one REFUND per order. */
import { Charge } from '@shop/domain/payment/charge';
import type { PaymentRepository } from '@shop/domain/payment/payment-repository';
import { Money } from '@shop/domain/shared/money';
import type { Db, Tx } from './transactions';
import { prismaTx } from './unit-of-work';

export function createPaymentRepository(db: Db): PaymentRepository {
  const record = async (
    tx: Tx,
    orderId: string,
    kind: 'CHARGE' | 'REFUND',
    charge: Charge,
  ): Promise<void> => {
    await tx.payment.create({
      data: {
        orderId,
        kind,
        outcome: kind === 'REFUND' ? 'APPROVED' : charge.outcome,
        amount: charge.amount.amount,
        currency: charge.amount.currency,
        cardLast4: charge.cardLast4,
      },
    });
  };

  return {
    async findCharge(tx, orderId) {
      const row = await prismaTx(db, tx).payment.findUnique({
        where: { orderId_kind: { orderId, kind: 'CHARGE' } },
        select: { outcome: true, amount: true, currency: true, cardLast4: true },
      });
      if (!row) return null;
      return Charge.of(row.outcome, Money.of(row.amount, row.currency.trim()), row.cardLast4);
    },
    recordCharge: (tx, orderId, charge) => record(prismaTx(db, tx), orderId, 'CHARGE', charge),
    recordRefund: (tx, orderId, charge) => record(prismaTx(db, tx), orderId, 'REFUND', charge),
  };
}
