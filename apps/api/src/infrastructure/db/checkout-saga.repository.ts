/**
 * The checkout sagas over Prisma. Each move is written with the order's change, under its row
 * lock, and announced with `pg_notify('checkout_saga', orderId)` — delivered at commit — so a
 * checkout waiting in any API process hears that its order settled.
 */
import { nextSagaStep } from '@shop/domain/ordering/checkout-saga';
import type { CheckoutSagaRepository } from '@shop/domain/ordering/checkout-saga-repository';
import type { Db } from './transactions';
import { prismaTx } from './unit-of-work';

export function createCheckoutSagaRepository(db: Db): CheckoutSagaRepository {
  return {
    async record(tx, orderId, happening, reason, eventId = null) {
      const client = prismaTx(db, tx);
      const current = await client.checkoutSaga.findUnique({
        where: { orderId },
        select: { state: true },
      });
      const step = nextSagaStep(current?.state ?? null, happening);
      if (!step) return current?.state ?? null;
      const at = new Date();
      await client.checkoutSaga.upsert({
        where: { orderId },
        create: { orderId, state: step.state, updatedAt: at },
        update: { state: step.state, updatedAt: at },
      });
      await client.checkoutSagaStep.create({
        data: { orderId, state: step.state, compensation: step.compensation, reason, eventId, at },
      });
      await client.$executeRaw`SELECT pg_notify('checkout_saga', ${orderId})`;
      return step.state;
    },
    async stateOf(orderId) {
      return (
        (await db.checkoutSaga.findUnique({ where: { orderId }, select: { state: true } }))
          ?.state ?? null
      );
    },
    async stepsOf(orderId) {
      return db.checkoutSagaStep.findMany({
        where: { orderId },
        orderBy: { at: 'asc' },
        select: { state: true, compensation: true, reason: true, eventId: true, at: true },
      });
    },
  };
}
