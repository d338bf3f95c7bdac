'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import type { JourneyEvent, JourneySagaStep, OrderJourney } from '@shop/contract/admin';
import { useTRPC } from '~/trpc/client';
import { useHydrated } from './use-hydrated';
import {
  consumerLabel,
  eventLabel,
  formatClock,
  formatGap,
  journeyRefetchInterval,
  pendingLabel,
  sagaStateLabel,
  serviceLabel,
  stepLabel,
} from '~/lib/event-journey';

/** A catalogue sentence with its `field` names set as code. */
function Summary({ text }: { text: string }) {
  return (
    <p className="journey-summary muted">
      {text
        .split('`')
        .map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : part))}
    </p>
  );
}

function Moment({ at, sinceMs }: { at: string; sinceMs: number | null }) {
  return (
    <>
      <time dateTime={at}>{formatClock(at)}</time>{' '}
      <span className="journey-gap">{formatGap(sinceMs)}</span>
    </>
  );
}

function SagaMove({ step }: { step: JourneySagaStep }) {
  return (
    <>
      Saga → <strong>{sagaStateLabel(step.state)}</strong>
      {step.compensation && <span className="journey-compensation">compensation</span>}:{' '}
      {step.reason}
    </>
  );
}

function EventItem({ event, saga }: { event: JourneyEvent; saga: JourneySagaStep[] }) {
  const routes = event.deliveries.map((delivery) => consumerLabel(delivery.consumer)).join(', ');
  const pending = event.deliveries.flatMap((delivery) => {
    const label = pendingLabel(delivery);
    return label ? [{ consumer: delivery.consumer, ...label }] : [];
  });
  const moved = saga.filter((step) => step.eventId === event.id);
  return (
    <li className="journey-event" data-event={event.name}>
      <h3>
        {eventLabel(event.name)}{' '}
        <span className="journey-route">
          {serviceLabel(event.producer)} → {routes || 'no consumer'}
        </span>
      </h3>
      <p className="journey-name muted">
        <code>{event.name}</code>
      </p>
      {event.summary && <Summary text={event.summary} />}
      <ol className="journey-steps">
        {event.steps.map((step) => (
          <li
            key={`${step.kind}-${step.consumer ?? ''}`}
            className={`journey-step step-${step.kind}`}
          >
            <Moment at={step.at} sinceMs={step.sinceMs} /> {stepLabel(step, event)}
          </li>
        ))}
        {pending.map((item) => (
          <li key={`pending-${item.consumer}`} className="journey-step step-pending">
            {item.text}
            {item.at && (
              <>
                {' '}
                <time dateTime={item.at}>{formatClock(item.at)}</time>
              </>
            )}
          </li>
        ))}
      </ol>
      {moved.map((step) => (
        <p
          key={`${step.at}-${step.state}`}
          className={`journey-saga-move${step.compensation ? ' is-compensation' : ''}`}
        >
          <SagaMove step={step} />
        </p>
      ))}
    </li>
  );
}

function statusLine(journey: OrderJourney): string {
  const state = journey.sagaState ? sagaStateLabel(journey.sagaState) : 'not started';
  return journey.atRest
    ? `Saga at rest (${state}).`
    : `Saga in progress (${state}): updating every second.`;
}

/**
 * The order's event journey: each event — recorded, published, taken by each consumer — and the
 * saga's steps, refreshed every second while the saga waits on something (and while its last
 * events are on their way). When the saga moves, the server-rendered rest of the page (status,
 * history, actions) is refreshed too.
 */
export function EventJourney({ initial }: { initial: OrderJourney }) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const { data, refetch } = useQuery(
    trpc.admin.orders.journey.queryOptions(
      { id: initial.orderId },
      {
        initialData: initial,
        staleTime: 0,
        refetchInterval: (query) => journeyRefetchInterval(query.state.data),
      },
    ),
  );
  const journey = data ?? initial;
  const router = useRouter();
  const shownState = useRef(initial.sagaState);
  useEffect(() => {
    if (journey.sagaState === shownState.current) return;
    shownState.current = journey.sagaState;
    router.refresh();
  }, [journey.sagaState, router]);
  return (
    <section aria-labelledby="journey-heading" className="journey">
      <h2 id="journey-heading">Event journey</h2>
      <p role="status" aria-live="polite" className="journey-status">
        {statusLine(journey)}
      </p>
      {journey.queuesError && <p className="note">{journey.queuesError}</p>}
      {journey.events.length === 0 ? (
        <p className="empty">No events recorded for this order.</p>
      ) : (
        <ol className="journey-events" aria-label="Events, in the order they were recorded">
          {journey.events.map((event) => (
            <EventItem key={event.id} event={event} saga={journey.saga} />
          ))}
        </ol>
      )}
      <h3 id="saga-heading">Checkout saga</h3>
      {journey.saga.length === 0 ? (
        <p className="empty">This order has no checkout saga.</p>
      ) : (
        <ol className="journey-saga" aria-labelledby="saga-heading">
          {journey.saga.map((step) => (
            <li
              key={`${step.at}-${step.state}`}
              className={`journey-step${step.compensation ? ' is-compensation' : ''}`}
            >
              <Moment at={step.at} sinceMs={step.sinceMs} /> <SagaMove step={step} />
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="button" disabled={!hydrated} onClick={() => void refetch()}>
        Refresh the journey
      </button>
    </section>
  );
}
