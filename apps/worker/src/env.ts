/**
 * The worker's configuration: the only place that reads `process.env`. A bad value stops the
 * process with a message naming the variable.
 */
import { z } from 'zod';

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
});

export type Env = z.infer<typeof envSchema>;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
