import { describe, expect, it } from 'vitest';
import { BoundedQueue, QueueFullError } from './password-queue';

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('BoundedQueue', () => {
  it('runs a few at a time, lets a few wait, and refuses the rest at once', async () => {
    const queue = new BoundedQueue({ concurrency: 2, maxWaiting: 1 });
    const g = gate();
    let started = 0;
    const job = async () => {
      started++;
      await g.opened;
      return started;
    };
    const admitted = [queue.run(job), queue.run(job), queue.run(job)];
    await Promise.resolve();
    expect(started).toBe(2);
    expect(queue.waiting).toBe(1);

    // Refused at once: these settle while the admitted jobs still hold every slot and place.
    await expect(queue.run(job)).rejects.toBeInstanceOf(QueueFullError);
    await expect(queue.run(job)).rejects.toThrow('The password hashing queue is full');
    expect(queue.running).toBe(2);
    expect(queue.waiting).toBe(1);

    g.open();
    await expect(Promise.all(admitted)).resolves.toHaveLength(3);
    expect(started).toBe(3);
    expect(queue.running).toBe(0);
    expect(queue.waiting).toBe(0);
  });

  it('frees the slot when a job fails', async () => {
    const queue = new BoundedQueue({ concurrency: 1, maxWaiting: 0 });
    await expect(queue.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run(() => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  it('takes new limits and refuses nonsense ones', async () => {
    const queue = new BoundedQueue({ concurrency: 1, maxWaiting: 0 });
    queue.configure({ concurrency: 3, maxWaiting: 0 });
    const g = gate();
    const jobs = [1, 2, 3].map(() => queue.run(() => g.opened));
    await expect(queue.run(() => g.opened)).rejects.toBeInstanceOf(QueueFullError);
    g.open();
    await Promise.all(jobs);
    expect(() => queue.configure({ concurrency: 0, maxWaiting: 1 })).toThrow(RangeError);
  });
});
