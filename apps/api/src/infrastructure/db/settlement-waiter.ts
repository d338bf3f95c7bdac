/**
 * Waits, briefly and bounded, for a checkout saga to come to rest (`sagaAtRest`): one `LISTEN
 * checkout_saga` connection per process hears every saga move at commit (whichever process made
 * it), and a short poll covers a lost notification or a listener that is reconnecting.
 */
import pg from 'pg';
import { sagaAtRest, type SagaState } from '@shop/domain/ordering/checkout-saga';
import type { CheckoutSagaRepository } from '@shop/domain/ordering/checkout-saga-repository';

export interface SettlementWaiter {
  /** Resolves with the saga's state once it is at rest, or after `ms` with the state it is in. */
  waitUntilAtRest(orderId: string, ms: number): Promise<SagaState | null>;
  close(): Promise<void>;
}

export function createSettlementWaiter(
  databaseUrl: string,
  sagas: Pick<CheckoutSagaRepository, 'stateOf'>,
  { pollMs = 250 }: { pollMs?: number } = {},
): SettlementWaiter {
  const waiting = new Map<string, Set<() => void>>();
  let listener: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;

  function connect(): Promise<void> {
    if (listener || closed) return Promise.resolve();
    connecting ??= (async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      client.on('error', () => undefined);
      client.on('notification', ({ payload }) => {
        for (const wake of waiting.get(payload ?? '') ?? []) wake();
      });
      client.on('end', () => {
        if (listener === client) listener = null;
      });
      try {
        await client.connect();
        await client.query('LISTEN checkout_saga');
        if (closed) await client.end();
        else listener = client;
      } catch {
        await client.end().catch(() => undefined);
      } finally {
        connecting = null;
      }
    })();
    return connecting;
  }

  return {
    async waitUntilAtRest(orderId, ms) {
      const deadline = Date.now() + ms;
      await connect();
      let wake: () => void = () => undefined;
      const woken = new Set<() => void>();
      waiting.set(orderId, woken);
      try {
        for (;;) {
          const state = await sagas.stateOf(orderId);
          const left = deadline - Date.now();
          if (sagaAtRest(state) || left <= 0) return state;
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, Math.min(pollMs, left));
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
            woken.clear();
            woken.add(wake);
          });
        }
      } finally {
        if (waiting.get(orderId) === woken) waiting.delete(orderId);
      }
    },
    async close() {
      closed = true;
      await connecting;
      await listener?.end().catch(() => undefined);
    },
  };
}
