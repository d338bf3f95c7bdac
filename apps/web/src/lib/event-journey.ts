/**
 * Words for the back office's event journey: event names as a person says them, each step and
 * delivery as one sentence, times to the millisecond and the gaps between steps. Pure, so the
 * timeline component only arranges them.
 */
import type {
  CheckoutSagaState,
  JourneyDelivery,
  JourneyEvent,
  JourneyStep,
  OrderJourney,
} from '@shop/contract/admin';

/** `ordering.OrderPlaced` → "Order placed". */
export function eventLabel(name: string): string {
  const fact = name.split('.').pop() ?? name;
  const words = fact.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `checkout-timeouts` → "checkout timeouts". */
export function consumerLabel(consumer: string): string {
  return consumer.replace(/-/g, ' ');
}

const serviceNames = { api: 'the API', worker: 'the worker' } as const;

export function serviceLabel(service: keyof typeof serviceNames): string {
  return serviceNames[service];
}

/** "+12 ms", "+1.4 s", "+2 min 5 s"; an em dash when there is nothing to count from. */
export function formatGap(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1_000) return `+${ms} ms`;
  if (ms < 60_000) return `+${(ms / 1_000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1_000);
  return seconds ? `+${minutes} min ${seconds} s` : `+${minutes} min`;
}

/** "04:56:52.575 UTC": the journey's steps are milliseconds apart. */
export function formatClock(iso: string): string {
  return `${iso.slice(11, 23)} UTC`;
}

const attempts = (n: number) => (n === 1 ? '1st attempt' : `attempt ${n}`);

/** One step of an event, as a sentence. */
export function stepLabel(step: JourneyStep, event: JourneyEvent): string {
  const delivery = event.deliveries.find((candidate) => candidate.consumer === step.consumer);
  switch (step.kind) {
    case 'recorded':
      return `Recorded by ${serviceLabel(event.producer)}`;
    case 'published':
      return `Published to ${event.deliveries.map((d) => consumerLabel(d.consumer)).join(', ') || 'no consumer'}`;
    case 'taken':
      return `Taken by ${consumerLabel(step.consumer ?? '')} (${attempts(Math.max(1, delivery?.attemptsStarted ?? 1))})`;
    case 'finished':
      return finishedLabel(step.consumer ?? '', delivery);
  }
}

function finishedLabel(consumer: string, delivery: JourneyDelivery | undefined): string {
  const who = consumerLabel(consumer);
  if (delivery?.state === 'failed')
    return `${who} gave up after ${delivery.attemptsMade} attempts: ${delivery.failedReason ?? 'no reason given'}`;
  const outcome = delivery?.outcome ? `: ${delivery.outcome}` : '';
  return `${who} finished${outcome}`;
}

/**
 * A delivery with no step yet (or none to come), e.g. "payment: waiting in its queue"; `at` is a
 * time the sentence ends with (a delayed job's due time).
 */
export function pendingLabel(
  delivery: JourneyDelivery,
): { text: string; at: string | null } | null {
  const who = consumerLabel(delivery.consumer);
  const text = (words: string, at: string | null = null) => ({ text: `${who}: ${words}`, at });
  switch (delivery.state) {
    case 'unpublished':
      return text('not published yet (waiting in the outbox)');
    case 'waiting':
      return text('waiting in its queue');
    case 'delayed':
      return delivery.dueAt ? text('delayed until', delivery.dueAt) : text('delayed');
    case 'active':
      return delivery.processedOn ? null : text('being handled');
    case 'missing':
      return delivery.handledAt ? null : text("no job (removed after the event log's week)");
    case 'unknown':
      return text('unknown (the queues could not be read)');
    default:
      return null;
  }
}

const sagaStates: Record<CheckoutSagaState, string> = {
  CHARGING: 'Charging the card',
  PAID: 'Paid',
  DECLINED: 'Declined',
  FAILED: 'Payment failed',
  CANCELLING: 'Cancelling',
  CANCELLED: 'Cancelled',
  REFUNDING: 'Refunding',
  REFUNDED: 'Refunded',
};

export function sagaStateLabel(state: CheckoutSagaState): string {
  return sagaStates[state];
}

/** How long the journey keeps polling for deliveries still on their way after the saga rested. */
export const quietAfterMs = 60_000;

const onTheWay = new Set(['unpublished', 'waiting', 'active']);

/**
 * Poll every second while the saga waits on something; once it rests, only while an event is
 * still on its way to a consumer (the confirmation e-mail) and something moved in the last
 * minute — a consumer that is down does not keep the page polling for ever.
 */
export function journeyRefetchInterval(
  journey: OrderJourney | undefined,
  now: number = Date.now(),
): number | false {
  if (!journey) return false;
  if (!journey.atRest) return 1_000;
  const pending = journey.events.some((event) =>
    event.deliveries.some((delivery) => onTheWay.has(delivery.state)),
  );
  const moments = journey.events.flatMap((event) => event.steps.map((step) => Date.parse(step.at)));
  const lastMoved = Math.max(0, ...moments);
  return pending && now - lastMoved < quietAfterMs ? 1_000 : false;
}
