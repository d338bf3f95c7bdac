/** The domain's PaymentRepository over Prisma: an order's CHARGE and REFUND rows, one of each at most. */
import type { PaymentKind } from '@shop/db/client';
import { Charge } from '@shop/domain/payment/charge';
import { Payment } from '@shop/domain/payment/payment';
import type { PaymentRepository } from '@shop/domain/payment/payment-repository';
import { Money } from '@shop/domain/shared/money';
import type { Tx as DomainTx } from '@shop/domain/shared/unit-of-work';
import type { Db } from './transactions';
import { enlist, prismaTx } from './unit-of-work';

export function createPaymentRepository(db: Db): PaymentRepository {
  /** The ledger entries each loaded payment had in the database: `save` writes the rest. */
  const stored = new WeakMap<Payment, Set<PaymentKind>>();

  return {
    async findByOrder(tx, orderId) {
      const rows = await prismaTx(db, tx).payment.findMany({
        where: { orderId },
        select: { kind: true, outcome: true, amount: true, currency: true, cardLast4: true },
      });
      const chargeRow = rows.find((row) => row.kind === 'CHARGE');
      const charge = chargeRow
        ? Charge.of(
            chargeRow.outcome,
            Money.of(chargeRow.amount, chargeRow.currency.trim()),
            chargeRow.cardLast4,
          )
        : null;
      const refunded = rows.some((row) => row.kind === 'REFUND');
      const payment = Payment.rehydrate({ orderId, charge, refunded });
      stored.set(payment, new Set(rows.map((row) => row.kind)));
      return payment;
    },

    async save(tx: DomainTx, payment: Payment) {
      enlist(tx, payment);
      const { orderId, charge, refunded } = payment.snapshot();
      if (!charge) return;
      const kinds = stored.get(payment) ?? new Set<PaymentKind>();
      const entry = (kind: PaymentKind) => ({
        orderId,
        kind,
        outcome: kind === 'REFUND' ? ('APPROVED' as const) : charge.outcome,
        amount: charge.amount.amount,
        currency: charge.amount.currency,
        cardLast4: charge.cardLast4,
      });
      const wanted: PaymentKind[] = refunded ? ['CHARGE', 'REFUND'] : ['CHARGE'];
      const added = wanted.filter((kind) => !kinds.has(kind));
      if (added.length === 0) return;
      await prismaTx(db, tx).payment.createMany({ data: added.map(entry) });
      stored.set(payment, new Set(wanted));
    },
  };
}
