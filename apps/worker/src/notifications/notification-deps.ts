/** What the notifications consumer needs: the worker's database, a mailer, the structured log. */
import type { BusLog } from '@shop/event-bus/log';
import type { ConsumerName } from '@shop/events/consumers';
import type { Db } from '../db/pool';
import type { Mailer } from './mailer';

export interface NotificationDeps {
  pool: Db;
  mailer: Mailer;
  /** pino's `(fields, message)` shape; the worker's logger fits. */
  log: BusLog;
}

/** The consumer (queue and inbox name) these use cases run as. */
export const notificationsConsumer = 'notifications' satisfies ConsumerName;
