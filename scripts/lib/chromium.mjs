// The browser for Playwright: its own downloaded Chromium when present, else the system one
// (/usr/bin/chromium, installed with apt when missing and running as root).
import { existsSync } from 'node:fs';
import { aptInstall, canAptInstall, isDebianLike } from './system.mjs';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

async function playwrightChromium() {
  try {
    const { chromium } = await import('playwright-core');
    const file = chromium.executablePath();
    return file && existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

/** Path of a usable Chromium, installing the Debian package when allowed; { path } or { error }. */
export async function ensureChromium() {
  const own = await playwrightChromium();
  if (own) return { path: own };
  if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM };
  if (canAptInstall() && (await aptInstall(['chromium'])) && existsSync(SYSTEM_CHROMIUM))
    return { path: SYSTEM_CHROMIUM };
  const fix = isDebianLike()
    ? 'sudo apt-get install -y chromium'
    : 'npx playwright install chromium';
  return {
    error: `No Chromium for the end-to-end tests: Playwright's browser is not downloaded and ${SYSTEM_CHROMIUM} is missing. Fix: \`${fix}\`.`,
  };
}
