import type { Tx } from '../shared/unit-of-work';
import type { Account } from './account';

export interface AccountRepository {
  /** A fresh id for `Account.register`. */
  nextId(): string;
  /** Stores a new account; throws `EmailAlreadyRegistered` when the email is taken. */
  add(account: Account, tx?: Tx): Promise<void>;
  findById(id: string, tx?: Tx): Promise<Account | null>;
  /** By normalized email (see `Email`). */
  findByEmail(email: string, tx?: Tx): Promise<Account | null>;
  /** Writes the account's changes (its password hash). */
  save(account: Account, tx?: Tx): Promise<void>;
}
