// System tests start real processes (the API, the worker, Redis) and wait for them: generous
// timeouts, and one file at a time so a 2-core machine is not asked to start several systems at once.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.int.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
