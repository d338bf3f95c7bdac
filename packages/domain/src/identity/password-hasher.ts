/**
 * Password hashing, done outside the domain (argon2id through a bounded queue in infrastructure).
 * Every method throws `ServerBusy` when the server is too busy to hash, before anything was checked.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password or an unreadable hash. */
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** Spends the time of a real check and answers false: an unknown email looks like a wrong one. */
  verifyAgainstDummy(password: string): Promise<false>;
}
