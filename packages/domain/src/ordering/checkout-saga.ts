/**
 * The checkout saga (stage 4): reserve stock and record the order (ordering) → charge the card
 * (payment, another service) → mark the order paid (ordering). No transaction spans the two
 * services, so each failure has a compensating step instead of a rollback: a decline or a payment
 * that cannot be made releases the stock; a reservation that ends first cancels the order; money
 * taken for an order that will not keep it is refunded. This table says where a saga goes on each
 * happening and which steps are compensations; the steps record why, for the back office.
 */
export type SagaState =
  | 'CHARGING'
  | 'PAID'
  | 'DECLINED'
  | 'FAILED'
  | 'CANCELLING'
  | 'CANCELLED'
  | 'REFUNDING'
  | 'REFUNDED';

export type SagaHappening =
  | 'placed'
  | 'captured'
  | 'declined'
  | 'payment-failed'
  | 'charge-skipped'
  | 'cancelled'
  | 'settle-failed'
  | 'refunded';

export interface SagaStep {
  state: SagaState;
  compensation: boolean;
}

const step = (state: SagaState, compensation = false): SagaStep => ({ state, compensation });

/** From → happening → step; a happening missing from a row changes nothing (a late or repeated answer). */
const table: Record<SagaState | 'NONE', Partial<Record<SagaHappening, SagaStep>>> = {
  NONE: { placed: step('CHARGING') },
  CHARGING: {
    captured: step('PAID'),
    declined: step('DECLINED', true),
    'payment-failed': step('FAILED', true),
    cancelled: step('CANCELLING', true),
    'settle-failed': step('REFUNDING', true),
  },
  PAID: { cancelled: step('REFUNDING', true) },
  CANCELLING: {
    captured: step('REFUNDING', true),
    declined: step('CANCELLED'),
    'payment-failed': step('CANCELLED'),
    'charge-skipped': step('CANCELLED'),
  },
  REFUNDING: { refunded: step('REFUNDED') },
  DECLINED: {},
  FAILED: {},
  CANCELLED: {},
  REFUNDED: {},
};

/** Where a saga in `from` (null: not started) goes on `happening`, or null when it stays. */
export function nextSagaStep(from: SagaState | null, happening: SagaHappening): SagaStep | null {
  return table[from ?? 'NONE'][happening] ?? null;
}

/**
 * Whether checkout (and a cancel) can answer the shopper now: payment has given its last word and
 * any money due back is back. Charging, cancelling and refunding still wait on payment.
 */
export function sagaAtRest(state: SagaState | null): boolean {
  return state !== 'CHARGING' && state !== 'CANCELLING' && state !== 'REFUNDING';
}
