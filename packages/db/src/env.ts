/**
 * The only place `@shop/db` reads the environment. Library entry points take URLs as arguments;
 * this default serves the CLI scripts and `createTestDatabase`.
 */
import { z } from 'zod';

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL')
    .optional(),
  /** Any value: the CLI scripts print full errors. */
  DEBUG: z.string().optional(),
  /** `prisma generate` only checks that this file exists. */
  PRISMA_SCHEMA_ENGINE_BINARY: z.string().optional(),
});

export const DEFAULT_APP_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/shop';
export const DEFAULT_SERVER_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface DbEnv {
  databaseUrl: string | undefined;
  debug: boolean;
  schemaEngineBinary: string | undefined;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): DbEnv {
  const parsed = envSchema.safeParse({
    DATABASE_URL: source.DATABASE_URL || undefined,
    DEBUG: source.DEBUG || undefined,
    PRISMA_SCHEMA_ENGINE_BINARY: source.PRISMA_SCHEMA_ENGINE_BINARY || undefined,
  });
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((issue) => issue.message).join('; '));
  return {
    databaseUrl: parsed.data.DATABASE_URL,
    debug: parsed.data.DEBUG !== undefined,
    schemaEngineBinary: parsed.data.PRISMA_SCHEMA_ENGINE_BINARY,
  };
}
