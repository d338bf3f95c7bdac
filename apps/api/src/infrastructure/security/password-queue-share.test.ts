import { describe, expect, it } from 'vitest';
import { BoundedQueue, ClientShareFullError, QueueFullError } from './password-queue';

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe("BoundedQueue's share per client", () => {
  it('admits at most its share from one client, even when they all arrive at once', async () => {
    const queue = new BoundedQueue({ concurrency: 1, maxWaiting: 10, maxPerClient: 2 });
    const g = gate();
    const flood = Array.from({ length: 8 }, () =>
      queue
        .run(() => g.opened, 'flooder')
        .then(
          () => 'ran',
          (error: unknown) => error,
        ),
    );
    expect(queue.running + queue.waiting).toBe(2);

    const other = queue.run(() => g.opened, 'someone-else');
    const anonymous = queue.run(() => g.opened);
    expect(queue.waiting).toBe(3);
    g.open();
    await Promise.all([other, anonymous]);

    const outcomes = await Promise.all(flood);
    expect(outcomes.filter((o) => o === 'ran')).toHaveLength(2);
    const refused = outcomes.filter((o) => o instanceof ClientShareFullError);
    expect(refused).toHaveLength(6);
    expect(refused[0]).toBeInstanceOf(QueueFullError);
  });

  it("gives the share back when the client's jobs end, however they end", async () => {
    const queue = new BoundedQueue({ concurrency: 2, maxWaiting: 0, maxPerClient: 1 });
    await expect(queue.run(() => Promise.reject(new Error('boom')), 'c')).rejects.toThrow('boom');
    await expect(queue.run(() => Promise.resolve('ok'), 'c')).resolves.toBe('ok');
    // A job the full queue refused took no share.
    const g = gate();
    const busy = [queue.run(() => g.opened, 'a'), queue.run(() => g.opened, 'b')];
    await expect(queue.run(() => g.opened, 'c')).rejects.toBeInstanceOf(QueueFullError);
    g.open();
    await Promise.all(busy);
    await expect(queue.run(() => Promise.resolve('ok'), 'c')).resolves.toBe('ok');
  });

  it('refuses a share that is not a whole number ≥ 1', () => {
    expect(() => new BoundedQueue({ concurrency: 1, maxWaiting: 1, maxPerClient: 0 })).toThrow(
      RangeError,
    );
  });
});
