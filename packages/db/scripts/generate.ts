/**
 * `npm run db:generate`: `prisma generate` without a native schema engine. Generation does not use the
 * engine, but the CLI insists on finding one, so it is pointed at any existing file (this Node binary).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEnv } from '../src/env';
import { runCli } from './cli';

runCli('db:generate', () => {
  const require = createRequire(import.meta.url);
  const prismaCli = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
  const result = spawnSync(process.execPath, [prismaCli, 'generate'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    stdio: 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: readEnv().schemaEngineBinary ?? process.execPath,
    },
  });
  if (result.status !== 0)
    return Promise.reject(
      new Error(`prisma generate exited with status ${result.status ?? 'unknown'}`),
    );
  return Promise.resolve();
});
