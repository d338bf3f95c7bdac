import { describe, expect, it } from 'vitest';
import type { JourneyDelivery, JourneyEvent } from '@shop/contract/admin';
import {
  consumerLabel,
  eventLabel,
  formatClock,
  formatGap,
  journeyRefetchInterval,
  pendingLabel,
  stepLabel,
} from './event-journey';

const delivery = (overrides: Partial<JourneyDelivery> = {}): JourneyDelivery => ({
  consumer: 'payment',
  service: 'worker',
  state: 'completed',
  attemptsStarted: 1,
  attemptsMade: 1,
  queuedAt: null,
  dueAt: null,
  processedOn: '2026-01-01T00:00:00.020Z',
  finishedOn: '2026-01-01T00:00:00.060Z',
  failedReason: null,
  outcome: 'charged',
  handledAt: null,
  ...overrides,
});

const event = (deliveries: JourneyDelivery[]): JourneyEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'ordering.OrderPlaced',
  summary: null,
  producer: 'api',
  causationId: null,
  recordedAt: '2026-01-01T00:00:00.000Z',
  publishedAt: '2026-01-01T00:00:00.005Z',
  deliveries,
  steps: [],
});

describe('event journey words', () => {
  it('says event and consumer names in words', () => {
    expect(eventLabel('ordering.OrderPlaced')).toBe('Order placed');
    expect(eventLabel('payment.ChargeSkipped')).toBe('Charge skipped');
    expect(consumerLabel('checkout-timeouts')).toBe('checkout timeouts');
  });

  it('formats gaps from milliseconds to minutes', () => {
    expect(formatGap(null)).toBe('—');
    expect(formatGap(0)).toBe('+0 ms');
    expect(formatGap(12)).toBe('+12 ms');
    expect(formatGap(1_430)).toBe('+1.4 s');
    expect(formatGap(42_000)).toBe('+42 s');
    expect(formatGap(125_000)).toBe('+2 min 5 s');
    expect(formatGap(15 * 60_000)).toBe('+15 min');
  });

  it('shows times to the millisecond', () => {
    expect(formatClock('2026-12-06T04:56:52.575Z')).toBe('04:56:52.575 UTC');
  });

  it('tells each step with its consumer, attempts and outcome', () => {
    const placed = event([
      delivery(),
      delivery({ consumer: 'checkout-timeouts', service: 'api', state: 'delayed' }),
    ]);
    const at = '2026-01-01T00:00:00.000Z';
    expect(stepLabel({ kind: 'recorded', consumer: null, at, sinceMs: null }, placed)).toBe(
      'Recorded by the API',
    );
    expect(stepLabel({ kind: 'published', consumer: null, at, sinceMs: 5 }, placed)).toBe(
      'Published to payment, checkout timeouts',
    );
    expect(stepLabel({ kind: 'taken', consumer: 'payment', at, sinceMs: 15 }, placed)).toBe(
      'Taken by payment (1st attempt)',
    );
    expect(stepLabel({ kind: 'finished', consumer: 'payment', at, sinceMs: 40 }, placed)).toBe(
      'payment finished: charged',
    );
    const failed = event([
      delivery({ state: 'failed', attemptsMade: 8, attemptsStarted: 8, failedReason: 'boom' }),
    ]);
    expect(stepLabel({ kind: 'taken', consumer: 'payment', at, sinceMs: 1 }, failed)).toBe(
      'Taken by payment (attempt 8)',
    );
    expect(stepLabel({ kind: 'finished', consumer: 'payment', at, sinceMs: 1 }, failed)).toBe(
      'payment gave up after 8 attempts: boom',
    );
  });

  it('tells deliveries that have no step yet, and none for those done', () => {
    expect(pendingLabel(delivery())).toBeNull();
    expect(pendingLabel(delivery({ state: 'waiting', processedOn: null }))?.text).toBe(
      'payment: waiting in its queue',
    );
    expect(
      pendingLabel(
        delivery({
          consumer: 'checkout-timeouts',
          state: 'delayed',
          dueAt: '2026-01-01T00:15:00.000Z',
        }),
      ),
    ).toEqual({ text: 'checkout timeouts: delayed until', at: '2026-01-01T00:15:00.000Z' });
    expect(pendingLabel(delivery({ state: 'unknown' }))?.text).toMatch(/could not be read/);
  });

  it('polls every second until the saga is at rest and nothing is on its way', () => {
    const now = Date.parse('2026-01-01T00:00:10.000Z');
    const journey = {
      orderId: '00000000-0000-4000-8000-000000000002',
      sagaState: 'CHARGING' as const,
      atRest: false,
      queuesError: null,
      events: [event([delivery()])],
      saga: [],
    };
    expect(journeyRefetchInterval(journey, now)).toBe(1_000);
    const paid = { ...journey, sagaState: 'PAID' as const, atRest: true };
    expect(journeyRefetchInterval(paid, now)).toBe(false);
    expect(journeyRefetchInterval(undefined, now)).toBe(false);

    const mailWaiting = event([
      delivery({
        consumer: 'notifications',
        state: 'waiting',
        processedOn: null,
        finishedOn: null,
      }),
    ]);
    mailWaiting.steps = [
      { kind: 'recorded', consumer: null, at: '2026-01-01T00:00:05.000Z', sinceMs: null },
    ];
    const mailOnItsWay = { ...paid, events: [mailWaiting] };
    expect(journeyRefetchInterval(mailOnItsWay, now)).toBe(1_000);
    expect(journeyRefetchInterval(mailOnItsWay, now + 60_000)).toBe(false);
  });
});
