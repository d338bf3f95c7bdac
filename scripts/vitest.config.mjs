// Unit tests of the repository scripts themselves (fast, no services needed).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['test/**/*.test.mjs', 'bench/**/*.test.mjs'],
    exclude: ['test/**/*.int.test.mjs'],
  },
});
