import { InvalidRequest } from '../shared/errors';

/** One checkout attempt's name, chosen by the client: a retry with the same key is the same attempt. */
export class IdempotencyKey {
  private constructor(readonly value: string) {}

  static of(raw: string): IdempotencyKey {
    const value = raw.trim();
    if (value.length < 8 || value.length > 100) {
      throw new InvalidRequest('An idempotency key is 8 to 100 characters long');
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
