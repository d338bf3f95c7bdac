// Unit tests of the bench's pure parts (`npx vitest run --config scripts/bench/vitest.config.mjs`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { root: import.meta.dirname, include: ['*.test.mjs'] },
});
