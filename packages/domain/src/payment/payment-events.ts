import { domainEvent, type DomainEvent } from '../shared/events';

interface MoneyFact {
  amount: number;
  currency: string;
}

export type ChargeApproved = DomainEvent<
  'ChargeApproved',
  { orderId: string; amount: MoneyFact; cardLast4: string }
>;
export type ChargeDeclined = DomainEvent<
  'ChargeDeclined',
  { orderId: string; amount: MoneyFact; cardLast4: string }
>;
export type RefundIssued = DomainEvent<
  'RefundIssued',
  { orderId: string; amount: MoneyFact; cardLast4: string }
>;

/** What the payment context tells the rest of the shop. */
export type PaymentEvent = ChargeApproved | ChargeDeclined | RefundIssued;

export const paymentEvent = {
  chargeApproved: (data: ChargeApproved['data'], at: Date): ChargeApproved =>
    domainEvent('ChargeApproved', data, at),
  chargeDeclined: (data: ChargeDeclined['data'], at: Date): ChargeDeclined =>
    domainEvent('ChargeDeclined', data, at),
  refundIssued: (data: RefundIssued['data'], at: Date): RefundIssued =>
    domainEvent('RefundIssued', data, at),
};
