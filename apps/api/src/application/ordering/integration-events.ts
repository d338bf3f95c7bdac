/**
 * Which domain events leave the API as integration events (`@shop/events`), and in what words:
 * the unit of work hands each transaction's domain events here just before its commit, and the
 * envelopes returned go into the outbox in that same transaction. Payment's own domain events stay
 * inside: the payment service owns those facts. The trace and causation come from the work's
 * message context (the shopper's request, or the event a consumer is handling).
 */
import type { DomainEvent } from '@shop/domain/shared/events';
import type { Tx } from '@shop/domain/shared/unit-of-work';
import type { OrderCancelled, OrderPaid, OrderPlaced, ReservationExpired } from '@shop/domain/ordering/order-events';
import { envelopeFor, type Envelope } from '@shop/events/envelope';
import * as ordering from '@shop/events/ordering';

/** What the e-mails need that the domain events do not carry, read in the same transaction. */
export interface OrderFacts {
  customerId: string;
  email: string;
  customerName: string;
  amount: number;
  currency: string;
  lines: { productId: string; name: string; quantity: number; unitPrice: number }[];
}

export interface IntegrationEventDeps {
  orderFacts(tx: Tx, orderId: string): Promise<OrderFacts | null>;
  /** How long a placed order holds its stock (RESERVATION_MINUTES). */
  reservationMs: number;
  context(): { traceparent: string | null; causationId: string | null };
}

export function integrationEvents(deps: IntegrationEventDeps) {
  return async (tx: Tx, events: readonly DomainEvent[]): Promise<Envelope[]> => {
    const out: Envelope[] = [];
    const { traceparent, causationId } = deps.context();
    for (const event of events) {
      const meta = (orderId: string) => ({
        aggregateId: orderId,
        correlationId: orderId,
        causationId,
        traceparent,
        occurredAt: event.occurredAt,
      });
      switch (event.type) {
        case 'OrderPlaced': {
          const { data } = event as OrderPlaced;
          // Orders placed without the card processor (none in stage 4) have nothing to charge.
          if (!data.paymentMethodId) break;
          out.push(
            envelopeFor(
              ordering.OrderPlaced,
              {
                orderId: data.orderId,
                customerId: data.userId,
                amount: data.total.amount,
                currency: data.total.currency,
                lines: data.lines,
                paymentMethodId: data.paymentMethodId,
                reservedUntil: new Date(event.occurredAt.getTime() + deps.reservationMs).toISOString(),
              },
              meta(data.orderId),
            ),
          );
          break;
        }
        case 'OrderPaid': {
          const { data } = event as OrderPaid;
          const facts = await deps.orderFacts(tx, data.orderId);
          if (!facts) break;
          out.push(
            envelopeFor(
              ordering.OrderPaid,
              {
                orderId: data.orderId,
                customerId: facts.customerId,
                email: facts.email,
                customerName: facts.customerName,
                amount: facts.amount,
                currency: facts.currency,
                lines: facts.lines,
                paidAt: event.occurredAt.toISOString(),
              },
              meta(data.orderId),
            ),
          );
          break;
        }
        case 'OrderCancelled':
        case 'ReservationExpired': {
          const cancelled = event as OrderCancelled | ReservationExpired;
          // A decline cancels the order too, but payment said so itself: nobody needs telling.
          if (cancelled.type === 'OrderCancelled' && cancelled.data.declined) break;
          const facts = await deps.orderFacts(tx, cancelled.data.orderId);
          if (!facts) break;
          const reason =
            cancelled.type === 'ReservationExpired'
              ? 'expired'
              : cancelled.data.reason === 'PAYMENT_FAILED'
                ? 'payment-failed'
                : 'customer';
          out.push(
            envelopeFor(
              ordering.OrderCancelled,
              {
                orderId: cancelled.data.orderId,
                customerId: facts.customerId,
                email: facts.email,
                customerName: facts.customerName,
                reason,
                refundDue: cancelled.type === 'OrderCancelled' && cancelled.data.refundDue,
                cancelledAt: event.occurredAt.toISOString(),
              },
              meta(cancelled.data.orderId),
            ),
          );
          break;
        }
        default:
          break;
      }
    }
    return out;
  };
}

export type IntegrationEventWriter = ReturnType<typeof integrationEvents>;
