import { domainEvent, type DomainEvent } from './domain-event';

interface Ids {
  orderId: string;
  paymentId: string;
}

export type PaymentCaptured = DomainEvent<
  'PaymentCaptured',
  Ids & { chargeId: string; amount: number; currency: string; cardLast4: string }
>;
export type PaymentDeclined = DomainEvent<
  'PaymentDeclined',
  Ids & { cardLast4: string; reason: string }
>;
export type PaymentRefunded = DomainEvent<
  'PaymentRefunded',
  Ids & { refundId: string; amount: number; currency: string; reason: string }
>;
export type PaymentFailed = DomainEvent<'PaymentFailed', Ids & { reason: string }>;
export type ChargeSkipped = DomainEvent<
  'ChargeSkipped',
  Ids & { reason: 'order-cancelled-before-charge' }
>;

/** What the payment context tells the rest of the shop (as `payment.<type>` integration events). */
export type PaymentEvent =
  PaymentCaptured | PaymentDeclined | PaymentRefunded | PaymentFailed | ChargeSkipped;

export const paymentEvent = {
  captured: (data: PaymentCaptured['data'], at: Date): PaymentCaptured =>
    domainEvent('PaymentCaptured', data, at),
  declined: (data: PaymentDeclined['data'], at: Date): PaymentDeclined =>
    domainEvent('PaymentDeclined', data, at),
  refunded: (data: PaymentRefunded['data'], at: Date): PaymentRefunded =>
    domainEvent('PaymentRefunded', data, at),
  failed: (data: PaymentFailed['data'], at: Date): PaymentFailed =>
    domainEvent('PaymentFailed', data, at),
  skipped: (data: ChargeSkipped['data'], at: Date): ChargeSkipped =>
    domainEvent('ChargeSkipped', data, at),
};
