import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPeriodicRun } from './periodic-run';

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a periodic run', () => {
  it('runs now, then once per interval after each run ends', async () => {
    let runs = 0;
    const periodic = startPeriodicRun(() => Promise.resolve(runs++), {
      intervalMs: 100,
      onError: () => {},
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(99);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(300);
    expect(runs).toBe(5);
    await periodic.stop();
  });

  it('never overlaps runs: a slow run holds the next back until it ends', async () => {
    const slow = gate();
    let started = 0;
    const periodic = startPeriodicRun(
      async () => {
        started++;
        if (started === 1) await slow.opened;
      },
      { intervalMs: 10, onError: () => {} },
    );
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toBe(1);
    slow.open();
    await vi.advanceTimersByTimeAsync(10);
    expect(started).toBe(2);
    await periodic.stop();
  });

  it('hands a failed run to onError and keeps its schedule', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const periodic = startPeriodicRun(
      () => {
        runs++;
        return runs === 1 ? Promise.reject(new Error('database away')) : Promise.resolve();
      },
      { intervalMs: 10, onError: (error) => errors.push(error) },
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(errors).toEqual([new Error('database away')]);
    expect(runs).toBe(2);
    await periodic.stop();
  });

  it('stop waits for the run in progress, and no run starts after it', async () => {
    const inFlight = gate();
    let runs = 0;
    let finished = 0;
    const periodic = startPeriodicRun(
      async () => {
        runs++;
        await inFlight.opened;
        finished++;
      },
      { intervalMs: 10, onError: () => {} },
    );
    let stopped = false;
    const stopping = periodic.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);

    inFlight.open();
    await stopping;
    expect(finished).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(1);
  });
});
