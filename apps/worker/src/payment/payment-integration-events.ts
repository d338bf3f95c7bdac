/**
 * The payment model's events as the integration events the rest of the shop reads
 * (`@shop/events/payment`). `envelopeFor` checks each payload against its declaration, so a
 * malformed event fails the transaction that would have published it.
 */
import type { Envelope } from '@shop/events/envelope';
import { envelopeFor } from '@shop/events/envelope';
import {
  ChargeSkipped,
  PaymentCaptured,
  PaymentDeclined,
  PaymentFailed,
  PaymentRefunded,
} from '@shop/events/payment';
import { answering } from '../events/outbox';
import type { PaymentEvent } from './domain/payment-events';

export function toIntegrationEvent(event: PaymentEvent, cause: Envelope): Envelope {
  const at = event.occurredAt.toISOString();
  const context = answering(cause, event.data.paymentId, event.occurredAt);
  switch (event.type) {
    case 'PaymentCaptured':
      return envelopeFor(PaymentCaptured, { ...event.data, capturedAt: at }, context);
    case 'PaymentDeclined':
      return envelopeFor(PaymentDeclined, { ...event.data, declinedAt: at }, context);
    case 'PaymentRefunded':
      return envelopeFor(PaymentRefunded, { ...event.data, refundedAt: at }, context);
    case 'PaymentFailed':
      return envelopeFor(PaymentFailed, { ...event.data, failedAt: at }, context);
    case 'ChargeSkipped': {
      const { orderId, reason } = event.data;
      return envelopeFor(ChargeSkipped, { orderId, reason, skippedAt: at }, context);
    }
  }
}
