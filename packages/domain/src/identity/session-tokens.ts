/** The secret a session cookie carries: made outside the domain (random bytes), kept only hashed. */
export interface SessionTokens {
  /** A new random token for a cookie. */
  issue(): string;
  /** What is stored and looked up in its place (SHA-256). */
  hash(token: string): string;
}
