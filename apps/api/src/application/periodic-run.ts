/**
 * A job a process runs on its own now and then (the sweepers): now, then `intervalMs` after each
 * run ends, so runs never overlap. A run that fails is handed to `onError` and the next one still
 * comes. The timer never keeps the process alive.
 */
export interface PeriodicRunOptions {
  /** Pause between the end of one run and the start of the next. */
  intervalMs: number;
  /** What to do with a run's failure (log it); the schedule goes on. */
  onError: (error: unknown) => void;
}

export interface PeriodicRun {
  /** No new run starts; resolves once the one in progress (if any) has finished. */
  stop(): Promise<void>;
}

export function startPeriodicRun(
  run: () => Promise<unknown>,
  { intervalMs, onError }: PeriodicRunOptions,
): PeriodicRun {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const once = async () => {
    try {
      await run();
    } catch (error) {
      onError(error);
    }
  };
  const tick = () => {
    current = once().then(() => {
      if (stopped) return;
      timer = setTimeout(tick, intervalMs);
      timer.unref();
    });
  };
  tick();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
