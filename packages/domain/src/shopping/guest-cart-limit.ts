/**
 * A guest's first change to a cart creates a cart row, so new guest carts are limited per client
 * address, a fixed window of attempts like sign-ups (`shared/attempt-limit.ts`): a shopper opens
 * one cart a month, a script hundreds a second. A guest who already has a cart is not counted, and
 * callers in the same process have no address and are not limited.
 */
import type { Limit } from '../shared/attempt-limit';

/** Where the counts of new guest carts are kept. */
export const newGuestCartBucket = 'new-guest-cart';

// `npm test`'s end-to-end suite opens a few dozen guest carts from 127.0.0.1; offices and mobile
// carriers put many shoppers behind one address.
export const defaultGuestCartLimit: Limit = { max: 100, windowMinutes: 60 };

/** What a refused new guest cart is told (before how long to wait). */
export const guestCartRefusal = 'Too many new carts from your network';
