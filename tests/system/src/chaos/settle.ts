/**
 * After the chaos: wait until everything that was started has finished — every order out of
 * PENDING_PAYMENT, both outboxes published, the queues of the running consumers empty. The
 * reservation timers (`checkout-timeouts`, delayed until each reservation ends, 15 minutes by
 * default) are fast-forwarded once every order has settled, so their consumer runs now and finds
 * each order paid; the run need not wait a quarter of an hour for that.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { promoteDelayed, unfinishedCount } from '../queues';
import type { ShopSystem } from '../shop-system';

export interface Settled {
  ok: boolean;
  /** What was still unfinished when the time ran out. */
  waitingFor: string;
  timersFastForwarded: number;
  durationMs: number;
}

async function pendingOrders(system: ShopSystem): Promise<number> {
  const [row] = await system.apiLog.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Order" WHERE status = 'PENDING_PAYMENT'`,
  );
  return row?.n ?? 0;
}

async function unpublished(system: ShopSystem): Promise<number> {
  const count = async (log: ShopSystem['apiLog']) =>
    (
      await log.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
      )
    )[0]?.n ?? 0;
  return (await count(system.apiLog)) + (await count(system.workerLog));
}

export async function settle(
  system: ShopSystem,
  runningConsumers: readonly string[],
  { timeoutMs, progress }: { timeoutMs: number; progress: (line: string) => void },
): Promise<Settled> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  let timersFastForwarded = 0;
  let promoted = false;
  let lastProgress = started;
  for (;;) {
    const pending = await pendingOrders(system);
    const outbox = await unpublished(system);
    if (pending === 0 && outbox === 0 && !promoted) {
      promoted = true;
      timersFastForwarded = await promoteDelayed(
        system.redisUrl,
        system.queuePrefix,
        'checkout-timeouts',
      );
    }
    const queues: string[] = [];
    for (const consumer of runningConsumers) {
      const unfinished = await unfinishedCount(system.redisUrl, system.queuePrefix, consumer);
      if (unfinished > 0) queues.push(`${consumer} ${unfinished}`);
    }
    const waitingFor = [
      pending ? `${pending} orders pending payment` : '',
      outbox ? `${outbox} events unpublished` : '',
      queues.length ? `jobs unfinished: ${queues.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    if (promoted && !waitingFor)
      return { ok: true, waitingFor: '', timersFastForwarded, durationMs: Date.now() - started };
    if (Date.now() > deadline)
      return { ok: false, waitingFor, timersFastForwarded, durationMs: Date.now() - started };
    if (Date.now() - lastProgress >= 10_000) {
      lastProgress = Date.now();
      progress(`settling: ${waitingFor || 'fast-forwarding the reservation timers'}`);
    }
    await sleep(500);
  }
}
