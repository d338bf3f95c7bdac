import { describe, expect, it } from 'vitest';
import { sagaTimelineOf, timelineOf, type Delivery, type EventFacts } from './journey-timeline';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);

function delivery(consumer: string, service: 'api' | 'worker', taken?: number, done?: number) {
  return {
    consumer,
    service,
    state: done === undefined ? 'waiting' : 'completed',
    attemptsStarted: taken === undefined ? 0 : 1,
    attemptsMade: done === undefined ? 0 : 1,
    queuedAt: null,
    dueAt: null,
    processedOn: taken === undefined ? null : at(taken),
    finishedOn: done === undefined ? null : at(done),
    failedReason: null,
    outcome: null,
    handledAt: null,
  } satisfies Delivery;
}

const placed: EventFacts = {
  id: 'placed',
  name: 'ordering.OrderPlaced',
  summary: null,
  producer: 'api',
  causationId: null,
  recordedAt: at(0),
  publishedAt: at(5),
  deliveries: [delivery('payment', 'worker', 20, 60), delivery('checkout-timeouts', 'api')],
};
const captured: EventFacts = {
  id: 'captured',
  name: 'payment.PaymentCaptured',
  summary: null,
  producer: 'worker',
  causationId: 'placed',
  recordedAt: at(50),
  publishedAt: at(61),
  deliveries: [delivery('ordering', 'api', 70, 90)],
};

describe('timelineOf', () => {
  it('orders events by when they were recorded and steps by when they happened', () => {
    const [first, second] = timelineOf([captured, placed]);
    expect(first?.id).toBe('placed');
    expect(first?.steps.map((step) => [step.kind, step.consumer, step.sinceMs])).toEqual([
      ['recorded', null, null],
      ['published', null, 5],
      ['taken', 'payment', 15],
      ['finished', 'payment', 40],
    ]);
    expect(second?.steps.map((step) => step.sinceMs)).toEqual([30, 11, 9, 20]);
  });

  it("counts an answer's first step from when its producer's consumer took the cause", () => {
    const [, answer] = timelineOf([placed, captured]);
    expect(answer?.steps[0]).toMatchObject({ kind: 'recorded', sinceMs: 30 });
  });

  it("uses the inbox's time when the job is gone, and breaks ties in causal order", () => {
    const handledOnly: EventFacts = {
      ...captured,
      recordedAt: at(70),
      publishedAt: at(70),
      deliveries: [{ ...delivery('ordering', 'api'), state: 'missing', handledAt: at(70) }],
    };
    const [answer] = timelineOf([handledOnly]);
    expect(answer?.steps.map((step) => [step.kind, step.sinceMs])).toEqual([
      ['recorded', null],
      ['published', 0],
      ['finished', 0],
    ]);
  });
});

describe('sagaTimelineOf', () => {
  it('gives each step the time since the one before', () => {
    const steps = sagaTimelineOf([
      { state: 'CHARGING', compensation: false, reason: 'placed', eventId: null, at: at(0) },
      { state: 'DECLINED', compensation: true, reason: 'declined', eventId: 'x', at: at(250) },
    ]);
    expect(steps.map((step) => step.sinceMs)).toEqual([null, 250]);
  });
});
