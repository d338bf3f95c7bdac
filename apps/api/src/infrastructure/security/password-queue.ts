/**
 * Password hashing is the most expensive thing the API does (argon2id, ~19 MiB and tens of ms
 * each). Every hash and verification runs through one bounded queue: a few at a time, a few more
 * waiting, and anyone beyond that is refused at once (QueueFullError) instead of queueing behind
 * a flood of guesses.
 */

export interface QueueLimits {
  /** Jobs running at once. */
  concurrency: number;
  /** Jobs allowed to wait for a slot; more are refused. */
  maxWaiting: number;
}

/** Two cores' worth of hashing; a full queue drains in well under a second. */
export const defaultQueueLimits: QueueLimits = { concurrency: 2, maxWaiting: 32 };

/** Every slot is taken and every waiting place too; the job was not run. */
export class QueueFullError extends Error {
  constructor() {
    super('The password hashing queue is full');
    this.name = 'QueueFullError';
  }
}

export class BoundedQueue {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(private limits: QueueLimits) {
    BoundedQueue.check(limits);
  }

  private static check({ concurrency, maxWaiting }: QueueLimits): void {
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new RangeError('concurrency must be a whole number ≥ 1');
    if (!Number.isInteger(maxWaiting) || maxWaiting < 0)
      throw new RangeError('maxWaiting must be a whole number ≥ 0');
  }

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** New limits apply to jobs that arrive from now on. */
  configure(limits: QueueLimits): void {
    BoundedQueue.check(limits);
    this.limits = limits;
    this.#drain();
  }

  /** Runs `job` when a slot is free; rejects with QueueFullError at once when the queue is full. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.#running >= this.limits.concurrency) {
      if (this.#waiting.length >= this.limits.maxWaiting) throw new QueueFullError();
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    try {
      return await job();
    } finally {
      this.#running--;
      this.#drain();
    }
  }

  /** Hands free slots to waiting jobs; each handed-over slot is counted as running right away. */
  #drain(): void {
    while (this.#running < this.limits.concurrency && this.#waiting.length > 0) {
      this.#running++;
      this.#waiting.shift()?.();
    }
  }
}

/** The process's one queue for argon2 work (`passwords.ts`). */
export const passwordQueue = new BoundedQueue(defaultQueueLimits);

export function configurePasswordQueue(limits: QueueLimits): void {
  passwordQueue.configure(limits);
}
