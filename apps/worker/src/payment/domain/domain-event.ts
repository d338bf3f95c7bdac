/**
 * A domain event of the payment model: something that happened, in the past tense, with ids and
 * facts. The repository turns each into an integration event (`@shop/events/payment`) in the
 * outbox, in the transaction that saved the payment.
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly occurredAt: Date;
  readonly data: Data;
}

export function domainEvent<Type extends string, Data>(
  type: Type,
  data: Data,
  occurredAt: Date,
): DomainEvent<Type, Data> {
  return Object.freeze({ type, occurredAt, data });
}
