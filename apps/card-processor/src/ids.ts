/** Object ids the way Stripe-like processors print them: a type prefix and 24 random hex digits. */
import { randomBytes } from 'node:crypto';

export type IdPrefix = 'pm' | 'ch' | 're';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

/** The pattern `newId(prefix)` matches, for request schemas. */
export function idPattern(prefix: IdPrefix): RegExp {
  return new RegExp(`^${prefix}_[0-9a-f]{24}$`);
}
