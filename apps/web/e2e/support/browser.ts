/**
 * Which Chromium the tests drive: the one `npm test` found, else Playwright's own download, else
 * the system package (`/usr/bin/chromium`) — browsers cannot be downloaded on these machines.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { e2eSettings } from './settings';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export function chromiumExecutable(): string | undefined {
  if (e2eSettings.chromium) return e2eSettings.chromium;
  if (existsSync(chromium.executablePath())) return undefined;
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}

/** Container-safe flags; no background traffic to Google's services. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
