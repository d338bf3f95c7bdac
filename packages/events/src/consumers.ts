/**
 * The services and the consumers they run. A consumer is one queue: every event it subscribes to
 * (see each event's `consumers`) is added to its queue by the relay, so one consumer's lag or
 * failure never delays another's (fan-out, one failure domain each).
 */
export const services = ['api', 'worker'] as const;
export type ServiceName = (typeof services)[number];

export interface ConsumerSpec {
  readonly service: ServiceName;
  readonly summary: string;
  /**
   * When set, the relay delays delivery until the ISO instant this returns for the payload — a
   * timer carried by the broker (the checkout timeout), not by a sweeper in a process.
   */
  readonly deliverAt?: (payload: unknown) => string | undefined;
}

const specs = {
  payment: {
    service: 'worker',
    summary: 'Charges the card for a placed order, refunds a cancelled paid one (payment context).',
  },
  notifications: {
    service: 'worker',
    summary: 'Sends the order confirmation and cancellation e-mails.',
  },
  ordering: {
    service: 'api',
    summary: "Settles the order from payment's answers: paid, declined (stock back) or refunded.",
  },
  'checkout-timeouts': {
    service: 'api',
    summary:
      'Receives each placed order once its reservation ends; one still awaiting payment is cancelled and its stock released.',
    deliverAt: (payload) => (payload as { reservedUntil?: string }).reservedUntil,
  },
} as const satisfies Record<string, ConsumerSpec>;

export type ConsumerName = keyof typeof specs;
export const consumers: Readonly<Record<ConsumerName, ConsumerSpec>> = specs;
export const consumerNames = Object.keys(consumers) as ConsumerName[];
