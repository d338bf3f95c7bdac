/**
 * Forcing an interleaving instead of hoping for one: a transaction holds row locks while the
 * contenders start, the test waits until they are blocked (pg_stat_activity), then lets them go.
 */
import type { Harness } from './harness';

type Tx = Parameters<Parameters<Harness['prisma']['$transaction']>[0]>[0];

export async function waitForLockWaiters(h: Harness, count: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [row] = await h.prisma.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if ((row?.waiting ?? 0) >= count) return;
    if (Date.now() > deadline) throw new Error(`expected ${count} sessions waiting on a lock`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Runs `lock` in a transaction that stays open until the returned `release` is called. */
export async function holdLock(h: Harness, lock: (tx: Tx) => Promise<unknown>) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked = () => {};
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const done = h.prisma.$transaction(
    async (tx) => {
      await lock(tx);
      locked();
      await released;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
  await isLocked;
  return async () => {
    release();
    await done;
  };
}
