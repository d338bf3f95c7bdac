// `npm run typecheck`, `db:seed` and `db:reset` run this first (their npm pre-scripts): they compile
// or run code that imports the generated Prisma client, which a fresh clone does not have yet.
import { runMain } from './lib/lifecycle.mjs';
import { ensurePrismaClient } from './lib/preflight.mjs';

await runMain(() => ensurePrismaClient());
