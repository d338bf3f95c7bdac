/**
 * Password hashing is the most expensive thing the API does (argon2id, ~19 MiB and tens of ms
 * each). Every hash and verification runs through one bounded queue: a few at a time, a few more
 * waiting, and anyone beyond that is refused at once (QueueFullError) instead of queueing behind
 * a flood of guesses. One client address may hold only a share of it (running or waiting), so a
 * flood from one client is refused beyond its share and everyone else still gets a turn.
 */

export interface QueueLimits {
  /** Jobs running at once. */
  concurrency: number;
  /** Jobs allowed to wait for a slot; more are refused. */
  maxWaiting: number;
  /** Jobs one client may have running or waiting at once; unlimited when omitted. */
  maxPerClient?: number | undefined;
}

/**
 * Two cores' worth of hashing; a full queue drains in well under a second. A client's share is
 * above the log-in tries one address has for one email (5), so tries the throttle allows are not
 * refused as busy, and leaves room for several people behind one address (an office, a carrier's
 * NAT); one flooding address holds at most a quarter of the places.
 */
export const defaultQueueLimits = {
  concurrency: 2,
  maxWaiting: 32,
  maxPerClient: 8,
} satisfies QueueLimits;

/** Every slot is taken and every waiting place too; the job was not run. */
export class QueueFullError extends Error {
  constructor() {
    super('The password hashing queue is full');
    this.name = 'QueueFullError';
  }
}

/** The client already holds its share of the queue; the job was not run. */
export class ClientShareFullError extends QueueFullError {
  constructor() {
    super();
    this.message = 'This client already holds its share of the password hashing queue';
    this.name = 'ClientShareFullError';
  }
}

export class BoundedQueue {
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  /** Jobs running or waiting, per client that has any. */
  readonly #held = new Map<string, number>();

  constructor(private limits: QueueLimits) {
    BoundedQueue.check(limits);
  }

  private static check({ concurrency, maxWaiting, maxPerClient }: QueueLimits): void {
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new RangeError('concurrency must be a whole number ≥ 1');
    if (!Number.isInteger(maxWaiting) || maxWaiting < 0)
      throw new RangeError('maxWaiting must be a whole number ≥ 0');
    if (maxPerClient !== undefined && (!Number.isInteger(maxPerClient) || maxPerClient < 1))
      throw new RangeError('maxPerClient must be a whole number ≥ 1');
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

  /**
   * Runs `job` when a slot is free; rejects at once with QueueFullError when the queue is full, or
   * with ClientShareFullError when `client` already holds its share. Every check and the place it
   * takes happen before the first await, so jobs arriving together cannot all slip through.
   */
  async run<T>(job: () => Promise<T>, client?: string): Promise<T> {
    const { maxPerClient } = this.limits;
    if (client !== undefined && maxPerClient !== undefined && this.#heldBy(client) >= maxPerClient)
      throw new ClientShareFullError();
    const mustWait = this.#running >= this.limits.concurrency;
    if (mustWait && this.#waiting.length >= this.limits.maxWaiting) throw new QueueFullError();
    this.#hold(client, +1);
    if (mustWait) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#running++;
    try {
      return await job();
    } finally {
      this.#running--;
      this.#hold(client, -1);
      this.#drain();
    }
  }

  #heldBy(client: string): number {
    return this.#held.get(client) ?? 0;
  }

  #hold(client: string | undefined, change: 1 | -1): void {
    if (client === undefined) return;
    const held = this.#heldBy(client) + change;
    if (held > 0) this.#held.set(client, held);
    else this.#held.delete(client);
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
