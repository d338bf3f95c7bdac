/**
 * The worker's configuration: the only place that reads `process.env`. A bad value stops the
 * process with a message naming the variable.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { defaultQueuePrefix } from '@shop/event-bus/queues';
import { defaultRedisUrl } from '@shop/event-bus/redis';

const postgresUrl = (name: string) =>
  z.string().regex(/^postgres(ql)?:\/\//, `${name} must be a postgresql:// URL`);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** The worker's own database (never the API's `shop`). */
  WORKER_DATABASE_URL: postgresUrl('WORKER_DATABASE_URL').default(
    'postgresql://postgres@127.0.0.1:5432/shop_worker',
  ),
  WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(4300),
  /** Loopback by default: the worker's HTTP side is for operators, not shoppers. */
  WORKER_HOST: z.string().min(1).default('127.0.0.1'),
  CARD_PROCESSOR_URL: z.url('CARD_PROCESSOR_URL must be a URL').default('http://127.0.0.1:4200'),
  /** Charges and refunds need the secret key; only this service holds it. */
  CARD_PROCESSOR_SECRET_KEY: z.string().min(1).default('sk_test_shop'),
  /** The broker (BullMQ on Redis): redis://, rediss:// or redis+unix:///path/to.sock. */
  REDIS_URL: z
    .string()
    .regex(
      /^(redis|rediss|redis\+unix):\/\//,
      'REDIS_URL must be a redis://, rediss:// or redis+unix:// URL',
    )
    .default(defaultRedisUrl),
  /** Prefix of every queue key (the same as the API's, or the services do not meet). */
  QUEUE_PREFIX: z.string().min(1).max(100).default(defaultQueuePrefix),
  /** Days a published event stays in the worker's outbox as its event log. */
  EVENT_LOG_DAYS: z.coerce.number().min(0).default(7),
  /** How soon a job whose worker died is handed out again. */
  STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(5_000),
  /** 1: create and migrate the database at start (tests, one-box deployments); else run db:migrate first. */
  WORKER_MIGRATE_ON_START: z.enum(['0', '1']).default('0'),
  /** 1: drop the database at shutdown — for throwaway test workers only. */
  WORKER_DROP_DATABASE_ON_EXIT: z.enum(['0', '1']).default('0'),
  /** smtp:// or smtps:// (user and password in the URL); unset → each e-mail is a file in MAIL_DIR. */
  SMTP_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL')
      .optional(),
  ),
  /** Where e-mails go as `.eml` files when SMTP_URL is unset (same depth from src/ and dist/). */
  MAIL_DIR: z
    .string()
    .min(1)
    .default(fileURLToPath(new URL('../../../.data/mail', import.meta.url))),
  /** The From: of every e-mail the shop sends. */
  MAIL_FROM: z.string().min(1).default('Shop <orders@shop.test>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export type Env = z.infer<typeof envSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
