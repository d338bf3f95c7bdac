/** The only place that reads `process.env`: the processor's settings, with defaults that match the shop's. */
import { z } from 'zod';
import { defaultSlowMs } from './decisions';
import { defaultKeys } from './keys';

const key = (prefix: string, fallback: string) =>
  z
    .string()
    .regex(
      new RegExp(`^${prefix}_[\\x21-\\x7E]{4,}$`),
      `must start with ${prefix}_ and be at least 4 more visible characters`,
    )
    .default(fallback);

const envSchema = z.object({
  CARD_PROCESSOR_PORT: z.coerce.number().int().min(0).max(65535).default(4200),
  CARD_PROCESSOR_HOST: z.string().min(1).default('127.0.0.1'),
  CARD_PROCESSOR_PUBLISHABLE_KEY: key('pk', defaultKeys.publishable),
  CARD_PROCESSOR_SECRET_KEY: key('sk', defaultKeys.secret),
  /** How long the slow test card (4000 0000 0000 0077) takes to be approved. */
  CARD_PROCESSOR_SLOW_MS: z.coerce.number().int().min(0).default(defaultSlowMs),
});

export type Env = z.infer<typeof envSchema>;

/** The names of every variable `loadEnv` reads (the README's environment table lists each). */
export const envVariables = Object.keys(envSchema.shape) as (keyof Env)[];

/** Reads the settings; a bad value stops the process with a message naming the variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
