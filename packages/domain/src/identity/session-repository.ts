import type { Tx } from '../shared/unit-of-work';
import type { AccountProfile } from './account';
import type { Session } from './session';

/** A stored session and the account it opens. */
export interface FoundSession {
  session: Session;
  account: AccountProfile;
}

/** Sessions by the SHA-256 of their cookie's token. */
export interface SessionRepository {
  /** A fresh id for `Session.open`. */
  nextId(): string;
  add(tx: Tx | null, session: Session): Promise<void>;
  findByTokenHashes(tx: Tx | null, tokenHashes: readonly string[]): Promise<FoundSession[]>;
  remove(tx: Tx | null, ids: readonly string[]): Promise<void>;
  /** Ends every session of the account (a password change). */
  removeAllOf(tx: Tx | null, accountId: string): Promise<void>;
  /**
   * Writes a `touch`ed session's use, unless the stored use is already fresh: of requests arriving
   * together, one writes and the others find nothing to do.
   */
  saveUse(tx: Tx | null, session: Session): Promise<void>;
}
