import { systemTestOpsSecret } from './api-process';

/**
 * The worker (the payment service) as deployed: apps/worker src/main.ts in its own process, with
 * its own database (created and migrated at start), the broker and the card processor's secret key.
 * Ready once it logs `worker ready` — its consumers take jobs then. The database is kept when the
 * process goes, so a worker started again (or a second one) finds its inbox and ledger; the suite
 * drops it at the end.
 */
import { startNodeProcess, type NodeProcess } from './node-process';

export interface WorkerConfig {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  cardProcessorUrl: string;
  secretKey: string;
  /** How soon a job whose worker died is handed out again. */
  stalledIntervalMs: number;
  name?: string;
}

export interface WorkerProcess extends NodeProcess {
  /** The consumers it runs, as its ready line names them (e.g. payment, notifications). */
  consumers: string[];
}

/** The consumers a `worker ready` line names: its `consumers` field, or the list in its message. */
export function consumersOfReadyLine(line: string): string[] {
  try {
    const parsed = JSON.parse(line) as { consumers?: unknown; msg?: unknown };
    if (Array.isArray(parsed.consumers)) return parsed.consumers.map(String);
    const listed = /consumers: ([^)]*)\)/.exec(typeof parsed.msg === 'string' ? parsed.msg : '');
    if (listed?.[1]) return listed[1].split(',').map((name) => name.trim());
  } catch {
    // Not a JSON line.
  }
  return [];
}

export async function startWorker(
  config: WorkerConfig,
  timeoutMs = 120_000,
): Promise<WorkerProcess> {
  const worker = startNodeProcess({
    name: config.name ?? 'worker',
    app: 'worker',
    env: {
      NODE_ENV: 'production',
      OPS_TICKET_SECRET: systemTestOpsSecret,
      LOG_LEVEL: 'info',
      WORKER_DATABASE_URL: config.databaseUrl,
      WORKER_MIGRATE_ON_START: '1',
      WORKER_DROP_DATABASE_ON_EXIT: '0',
      WORKER_PORT: '0',
      WORKER_HOST: '127.0.0.1',
      REDIS_URL: config.redisUrl,
      QUEUE_PREFIX: config.queuePrefix,
      CARD_PROCESSOR_URL: config.cardProcessorUrl,
      CARD_PROCESSOR_SECRET_KEY: config.secretKey,
      STALLED_INTERVAL_MS: String(config.stalledIntervalMs),
    },
  });
  try {
    const ready = await worker.waitForLine((line) => line.includes('worker ready'), timeoutMs);
    return { ...worker, consumers: consumersOfReadyLine(ready) };
  } catch (error) {
    await worker.stop();
    throw error;
  }
}
