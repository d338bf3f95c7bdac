/**
 * The worker's consumers and the use cases behind each event they receive. `payment` charges and
 * refunds; the processor gets three quick tries (the job's retries, about a second) before a charge
 * counts as failed, so a shopper waiting at checkout hears "try again" instead of waiting for ever.
 */
import type { Handler } from '@shop/event-bus/consumer';
import type { Envelope } from '@shop/events/envelope';
import type { OrderCancelled, OrderPlaced } from '@shop/events/ordering';
import type { PayloadOf } from '@shop/events/define';
import type { ConsumerName } from '@shop/events/consumers';
import { onOrderCancelled } from './payment/on-order-cancelled';
import { onOrderPlaced } from './payment/on-order-placed';
import type { PaymentDeps } from './payment/payment-deps';

/** Deliveries of one charge before the processor's silence counts as a failed payment. */
export const chargeAttempts = 3;

export function paymentHandlers(deps: PaymentDeps): Record<string, Handler> {
  return {
    'ordering.OrderPlaced': (envelope, delivery) =>
      onOrderPlaced(deps, envelope as Envelope<PayloadOf<typeof OrderPlaced>>, {
        finalAttempt: delivery.attempt >= chargeAttempts,
      }),
    'ordering.OrderCancelled': (envelope) =>
      onOrderCancelled(deps, envelope as Envelope<PayloadOf<typeof OrderCancelled>>),
  };
}

export type WorkerConsumers = Partial<Record<ConsumerName, Record<string, Handler>>>;
