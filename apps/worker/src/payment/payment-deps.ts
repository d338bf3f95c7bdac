/** What the payment consumer's use cases need: the worker's database, the processor, a clock. */
import type { ConsumerName } from '@shop/events/consumers';
import type { Db } from '../db/pool';
import type { CardProcessor } from './card-processor-client';

export interface PaymentDeps {
  db: Db;
  processor: CardProcessor;
  /** Defaults to the system clock. */
  clock?: () => Date;
}

/** The consumer (queue and inbox name) these use cases run as. */
export const paymentConsumer = 'payment' satisfies ConsumerName;

/** Reasons travel in events limited to 200 characters. */
export const reasonText = (text: string): string => text.slice(0, 200);
