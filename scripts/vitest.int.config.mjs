// Integration tests of the repository scripts: start real servers from installed binaries.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['test/**/*.int.test.mjs'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
