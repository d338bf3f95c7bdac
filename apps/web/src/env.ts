import { z } from 'zod';

/** The web app's only window onto `process.env`; read on the server at run time, never baked into the build. */
const schema = z.object({
  API_URL: z
    .url('API_URL must be an absolute URL, e.g. http://127.0.0.1:4000')
    .default('http://127.0.0.1:4000')
    .transform((url) => url.replace(/\/+$/, '')),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** The origin shoppers use; `https://…` in production turns on HSTS (see `lib/hsts.ts`). */
  PUBLIC_ORIGIN: z.url('PUBLIC_ORIGIN must be an origin such as https://shop.example').optional(),
});

export type Env = z.infer<typeof schema>;

export function env(): Env {
  const parsed = schema.safeParse({
    API_URL: process.env.API_URL,
    NODE_ENV: process.env.NODE_ENV,
    PUBLIC_ORIGIN: process.env.PUBLIC_ORIGIN || undefined,
  });
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
