import type { Tx } from '../shared/unit-of-work';
import type { Account } from './account';

export interface AccountRepository {
  /** A fresh id for `Account.register`. */
  nextId(): string;
  /** Stores a new account; throws `EmailAlreadyRegistered` when the email is taken. */
  add(tx: Tx, account: Account): Promise<void>;
  findById(tx: Tx | null, id: string): Promise<Account | null>;
  /** By normalized email (see `Email`). */
  findByEmail(tx: Tx | null, email: string): Promise<Account | null>;
  /** Writes the account's changes (its password hash). */
  save(tx: Tx, account: Account): Promise<void>;
}
