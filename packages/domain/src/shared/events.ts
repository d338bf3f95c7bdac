/**
 * A domain event: something that happened, in the past tense, carrying ids and facts. `version`
 * lets a consumer tell an old shape from a new one once events leave the process (stage 4).
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly version: number;
  readonly occurredAt: Date;
  readonly data: Data;
}

export function domainEvent<Type extends string, Data>(
  type: Type,
  data: Data,
  occurredAt: Date,
  version = 1,
): DomainEvent<Type, Data> {
  return Object.freeze({ type, version, occurredAt, data });
}
