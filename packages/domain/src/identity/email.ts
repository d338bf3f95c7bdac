import { email } from '@shop/contract/auth';
import { InvalidRequest } from '../shared/errors';

/**
 * An account's email: trimmed and lower-cased, so one address is one account however it is typed.
 * Valid by the contract's `email` schema, the one rule the sign-up form and the API check.
 */
export class Email {
  private constructor(readonly value: string) {}

  static of(raw: string): Email {
    const parsed = email.safeParse(raw);
    if (!parsed.success) {
      throw new InvalidRequest(parsed.error.issues.map((issue) => issue.message).join('; '));
    }
    return new Email(parsed.data);
  }

  equals(other: Email): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }
}
