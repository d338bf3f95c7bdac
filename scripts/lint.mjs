// `npm run lint`: eslint in every workspace and over the scripts, the API layer check, the event catalogue
// check, then `prettier --check .`
// (scripts/lib/lint.mjs, the same checks as the lint stage of `npm test`). Exit status 1 on any failure.
import process from 'node:process';
import { parseCli } from './lib/cli.mjs';
import { step } from './lib/log.mjs';
import { runMain } from './lib/lifecycle.mjs';
import { lint } from './lib/lint.mjs';
import { check } from './lib/pipeline.mjs';
import { ensurePrismaClient } from './lib/preflight.mjs';

await runMain(async () => {
  parseCli({ usage: 'npm run lint' });
  // Typed lint rules read the generated client's types; a fresh clone does not have it yet.
  await ensurePrismaClient();
  const result = await lint(check, step);
  if (!result.ok) process.exitCode = 1;
});
