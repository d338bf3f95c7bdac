import type { Tx } from '../shared/unit-of-work';
import type { SagaHappening, SagaState } from './checkout-saga';

/** One step of a checkout saga as the back office reads it. */
export interface SagaStepRecord {
  state: SagaState;
  compensation: boolean;
  reason: string;
  eventId: string | null;
  at: Date;
}

/** Where each order's checkout saga stands and how it got there (`checkout-saga.ts` decides). */
export interface CheckoutSagaRepository {
  /**
   * Moves the order's saga on `happening`, recording `reason` (and the event that caused it),
   * under the order's row lock the caller holds. Answers the state it is in afterwards; a
   * happening that changes nothing records nothing.
   */
  record(
    tx: Tx,
    orderId: string,
    happening: SagaHappening,
    reason: string,
    eventId?: string | null,
  ): Promise<SagaState | null>;
  stateOf(orderId: string): Promise<SagaState | null>;
  stepsOf(orderId: string): Promise<SagaStepRecord[]>;
}
