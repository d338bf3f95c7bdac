import { idempotencyKeyLength } from '@shop/contract/orders';
import { InvalidRequest } from '../shared/errors';

const { min, max } = idempotencyKeyLength;

/** One checkout attempt's name, chosen by the client: a retry with the same key is the same attempt. */
export class IdempotencyKey {
  private constructor(readonly value: string) {}

  static of(raw: string): IdempotencyKey {
    const value = raw.trim();
    if (value.length < min || value.length > max) {
      throw new InvalidRequest(`An idempotency key is ${min} to ${max} characters long`);
    }
    return new IdempotencyKey(value);
  }

  equals(other: IdempotencyKey): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }
}
