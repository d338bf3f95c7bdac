import { defineConfig } from 'vitest/config';

// Unit tier only: pure helpers under src/. Playwright owns e2e/, and the web has no *.int.test.ts.
export default defineConfig({
  resolve: { alias: { '~': new URL('./src', import.meta.url).pathname } },
  test: {
    include: ['src/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'e2e/**', '**/*.int.test.ts'],
  },
});
