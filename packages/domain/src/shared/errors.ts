/**
 * What the shop refuses, named by meaning. The layers below presentation throw these and never a
 * transport code; `presentation/error-map.ts` is the one table that turns each kind into a tRPC
 * code. The message is the shop's own sentence for the shopper, so it lives with the rule.
 */
export abstract class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request is well-formed but the shop cannot act on it (empty cart, order too large…). */
export class InvalidRequest extends DomainError {}

/** Email and password do not match an account; the same words whichever was wrong. */
export class InvalidCredentials extends DomainError {
  constructor() {
    super('Invalid email or password');
  }
}

/** The current password given to change it is wrong. */
export class WrongCurrentPassword extends DomainError {
  constructor() {
    super('Your current password is not correct');
  }
}

export class EmailAlreadyRegistered extends DomainError {
  constructor() {
    super('An account with this email already exists');
  }
}

export class ProductNotFound extends DomainError {
  constructor() {
    super('Product not found');
  }
}

/** Also what another shopper's order is: it does not exist for you. */
export class OrderNotFound extends DomainError {
  constructor() {
    super('Order not found');
  }
}

/** Not enough units on the shelf for what the cart asks. */
export class OutOfStock extends DomainError {}

/** One order is charged in one currency, so a cart priced in several cannot be ordered at once. */
export class MixedCurrencies extends DomainError {
  constructor() {
    super('Items priced in different currencies cannot be ordered together');
  }
}

/** The order's life cycle does not allow this move (e.g. cancelling a shipped order). */
export class TransitionNotAllowed extends DomainError {}

/** The guest cart a change was for was merged into an account (log-in) while the change waited. */
export class GuestCartMerged extends DomainError {
  constructor() {
    super('Your cart has just moved to your account. Please try again.');
  }
}

/** A checkout that contradicts an earlier one with the same key, or the order's state. */
export class CheckoutConflict extends DomainError {}

/** Another checkout of the same cart awaits payment (a second tab, or an attempt left pending). */
export class CheckoutInProgress extends DomainError {
  constructor() {
    super(
      'Your cart is already being checked out in another window. Wait a moment and look in My orders, or cancel that order to check out again.',
    );
  }
}

export class CardDeclined extends DomainError {
  constructor() {
    super('Your card was declined. No money was taken — try another card.');
  }
}

/** The card processor could not take the card just now; nothing was stored or charged. */
export class PaymentUnavailable extends DomainError {
  /** `detail`: what went wrong, for the log (the shopper reads the message). */
  constructor(readonly detail = '') {
    super('Payments are unavailable for a moment. Nothing was charged — please try again shortly.');
  }
}

/** The first attempt with this idempotency key has not settled yet: retry with the same key. */
export class CheckoutStillProcessing extends DomainError {
  constructor() {
    super(
      'This checkout is still being processed. Try again in a moment — you will not be charged twice.',
    );
  }
}

/** A limit on attempts was reached; `retryAfterSeconds` says when to come back. */
export class TooManyAttempts extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/**
 * Too many password hashes at once across the whole server: refused at once, before any password
 * was checked. A kind of TooManyAttempts, so it is answered and retried the same way.
 */
export class ServerBusy extends TooManyAttempts {
  constructor() {
    super('The server is busy. Please try again in a moment.', 1);
  }
}
