/**
 * End-to-end tests against a production build of web + api on their own ports and their own fresh
 * database (see e2e/support/global-setup.ts). Sized for 2 cores; traces and screenshots are kept
 * for failed tests only.
 */
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './e2e/support/browser';
import { e2eSettings, webUrl } from './e2e/support/settings';

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: './test-results',
  fullyParallel: true,
  workers: e2eSettings.workers,
  retries: 0,
  forbidOnly: e2eSettings.isCi,
  // Whole journeys (sign up → checkout → admin) on 2 shared cores take up to ~30 s.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalSetup: './e2e/support/global-setup.ts',
  reporter: [
    ['list'],
    ['json', { outputFile: e2eSettings.jsonReport }],
    ['html', { open: 'never', outputFolder: './playwright-report' }],
  ],
  use: {
    baseURL: webUrl,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs },
      },
    },
  ],
});
