import { z } from 'zod';
import { defaultTrustedProxies, isAddressOrBlock } from './presentation/http/client-address';
import { defaultAuthLimits } from '@shop/domain/identity/throttle-policy';
import { defaultSessionIdleDays } from '@shop/domain/identity/session';
import { defaultGuestCartLimit } from '@shop/domain/shopping/guest-cart-limit';
import { defaultQueueLimits } from './infrastructure/security/password-queue';
import { defaultQueuePrefix } from '@shop/event-bus/queues';
import { defaultRedisUrl } from '@shop/event-bus/redis';
import { defaultCheckoutSettings } from './application/ordering/checkout-settings';
import { defaultWorkerPublicUrl, devOpsTicketSecret } from './infrastructure/security/ops-ticket';

const defaultOrigins = 'http://localhost:3000,http://127.0.0.1:3000';

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const positive = (fallback: number) => z.coerce.number().positive().default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL')
    .default('postgresql://postgres@127.0.0.1:5432/shop'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Minutes an order may await payment while it holds stock; then it is cancelled as expired. */
  RESERVATION_MINUTES: z.coerce.number().positive().default(15),
  /** Days a guest cart may go unchanged; then the sweep deletes it (the cart cookie lives 30). */
  GUEST_CART_DAYS: z.coerce.number().positive().default(30),
  /** New guest carts per client address per window (each guest's first change creates one). */
  GUEST_CARTS_PER_ADDRESS: positiveInt(defaultGuestCartLimit.max),
  GUEST_CARTS_WINDOW_MINUTES: positive(defaultGuestCartLimit.windowMinutes),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  ALLOWED_ORIGINS: z
    .string()
    .default(defaultOrigins)
    .transform((list) =>
      list
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /** The site's public origin; https here (in production) means Secure, `__Host-` cookies and HSTS. */
  PUBLIC_ORIGIN: z.url('PUBLIC_ORIGIN must be an origin such as https://shop.example').optional(),
  /** Peers whose X-Forwarded-For is believed (IP addresses or CIDR blocks); empty trusts none. */
  TRUSTED_PROXIES: z
    .string()
    .default(defaultTrustedProxies.join(','))
    .transform((list) =>
      list
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine((entries) => entries.every(isAddressOrBlock), {
      message: 'TRUSTED_PROXIES must be a comma list of IP addresses or CIDR blocks',
    }),
  /** Password checks per email (log-in) and per account (password change) per window. */
  LOGIN_MAX_ATTEMPTS: positiveInt(defaultAuthLimits.logIn.max),
  LOGIN_WINDOW_MINUTES: positive(defaultAuthLimits.logIn.windowMinutes),
  /** Password checks per email from all client addresses together, in the same window. */
  LOGIN_MAX_PER_EMAIL: positiveInt(defaultAuthLimits.logInPerEmail.max),
  SIGNUP_MAX_PER_ADDRESS: positiveInt(defaultAuthLimits.signUp.max),
  SIGNUP_WINDOW_MINUTES: positive(defaultAuthLimits.signUp.windowMinutes),
  /** argon2 jobs at once, and how many may wait before callers are told the server is busy. */
  PASSWORD_HASH_CONCURRENCY: positiveInt(defaultQueueLimits.concurrency),
  PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).default(defaultQueueLimits.maxWaiting),
  /** argon2 jobs one client address may have running or waiting at once. */
  PASSWORD_HASH_PER_CLIENT: positiveInt(defaultQueueLimits.maxPerClient),
  /** Calls allowed in one batched tRPC request. */
  MAX_BATCH_SIZE: positiveInt(10),
  /** Days without use after which a session is refused (the absolute limit stays 30 days). */
  SESSION_IDLE_DAYS: positive(defaultSessionIdleDays),
  /** The broker (BullMQ on Redis): redis://, rediss:// or redis+unix:///path/to.sock. */
  REDIS_URL: z
    .string()
    .regex(
      /^(redis|rediss|redis\+unix):\/\//,
      'REDIS_URL must be a redis://, rediss:// or redis+unix:// URL',
    )
    .default(defaultRedisUrl),
  /** Prefix of every queue key; `{…}` keeps a queue in one Redis Cluster slot. */
  QUEUE_PREFIX: z.string().min(1).max(100).default(defaultQueuePrefix),
  /** The card processor (apps/card-processor, or a real one): checkout tokenizes the card there. */
  CARD_PROCESSOR_URL: z.url().default('http://127.0.0.1:4200'),
  /** The processor's publishable key: it can create payment methods and nothing else. */
  CARD_PROCESSOR_PUBLISHABLE_KEY: z.string().min(1).default('pk_test_shop'),
  /** How long `orders.place` waits for payment before answering the order as PENDING_PAYMENT. */
  CHECKOUT_WAIT_MS: z.coerce.number().int().min(0).default(defaultCheckoutSettings.waitMs),
  /** Days a published event stays in the outbox as the event log. */
  EVENT_LOG_DAYS: z.coerce.number().min(0).default(7),
  /** Signs the back office's tickets to the worker's queue board; the worker holds the same. */
  OPS_TICKET_SECRET: z
    .string()
    .min(32, 'OPS_TICKET_SECRET must be at least 32 characters')
    .default(devOpsTicketSecret),
  /** The worker's HTTP side as an admin's browser reaches it (the queue board's links). */
  WORKER_PUBLIC_URL: z
    .url('WORKER_PUBLIC_URL must be a URL such as https://ops.shop.example')
    .default(defaultWorkerPublicUrl),
});

export type Env = z.infer<typeof envSchema>;

/** The names of every variable `loadEnv` reads (the README's environment table lists each). */
export const envVariables = Object.keys(envSchema.shape) as (keyof Env)[];

/** The only place that reads `process.env`; a bad value stops the process with a readable message. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  if (
    parsed.data.NODE_ENV === 'production' &&
    parsed.data.OPS_TICKET_SECRET === devOpsTicketSecret
  ) {
    throw new Error(
      'Invalid environment:\n✖ OPS_TICKET_SECRET must be set in production (the worker’s secret, not the development default)',
    );
  }
  return parsed.data;
}
