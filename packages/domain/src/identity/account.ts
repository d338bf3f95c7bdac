import { AggregateRoot } from '../shared/aggregate';
import { InvalidRequest, WrongCurrentPassword } from '../shared/errors';
import { domainEvent } from '../shared/events';
import { Email } from './email';
import type { IdentityEvent } from './identity-events';
import type { PasswordHasher } from './password-hasher';

/** What an account may do; the same words as the database's `Role`, so rows pass straight in. */
export type Role = 'CUSTOMER' | 'ADMIN';

/** An account as the shop shows and checks it: never its password hash. */
export interface AccountProfile {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export interface AccountState extends AccountProfile {
  passwordHash: string;
}

/** Rule 8: only an admin moves an order into shipping (and sees every order). */
export function mayAdvanceOrders(role: Role): boolean {
  return role === 'ADMIN';
}

/**
 * An account: who signs in, with which password, in which role. The password hash is checked and
 * made outside (the `PasswordHasher` port); the account decides what a check's outcome means.
 */
export class Account extends AggregateRoot<IdentityEvent> {
  private constructor(private state: AccountState) {
    super();
  }

  /** A new customer account; the email is normalized, the name trimmed and required. */
  static register(input: {
    id: string;
    name: string;
    email: string;
    passwordHash: string;
    at: Date;
  }): Account {
    const name = input.name.trim();
    if (name.length === 0) throw new InvalidRequest('Name is required');
    const email = Email.of(input.email).value;
    const account = new Account({
      id: input.id,
      name,
      email,
      passwordHash: input.passwordHash,
      role: 'CUSTOMER',
    });
    account.record(domainEvent('AccountRegistered', { accountId: input.id, email }, input.at));
    return account;
  }

  /** An account as stored; no event. */
  static rehydrate(state: AccountState): Account {
    return new Account({ ...state });
  }

  get id(): string {
    return this.state.id;
  }

  get role(): Role {
    return this.state.role;
  }

  get passwordHash(): string {
    return this.state.passwordHash;
  }

  get isAdmin(): boolean {
    return this.state.role === 'ADMIN';
  }

  /** Rule 8's role check: only an admin moves an order into shipping. */
  get mayAdvanceOrders(): boolean {
    return mayAdvanceOrders(this.state.role);
  }

  /**
   * Replaces the password once the current one is confirmed against the stored hash; a wrong
   * current password changes nothing and the new one is never hashed.
   */
  async changePassword(input: {
    currentPassword: string;
    newPassword: string;
    hasher: PasswordHasher;
    at: Date;
  }): Promise<void> {
    const matches = await input.hasher.verify(this.state.passwordHash, input.currentPassword);
    if (!matches) throw new WrongCurrentPassword();
    const passwordHash = await input.hasher.hash(input.newPassword);
    this.state = { ...this.state, passwordHash };
    this.record(domainEvent('PasswordChanged', { accountId: this.state.id }, input.at));
  }

  profile(): AccountProfile {
    const { passwordHash: _hash, ...profile } = this.state;
    return profile;
  }

  snapshot(): Readonly<AccountState> {
    return { ...this.state };
  }
}
