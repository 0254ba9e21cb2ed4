import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium package; CHROMIUM_PATH overrides. Never a browser downloaded by Playwright. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Whether the browser tests can run here. In CI (CI=true) a missing Chromium is a failure, never a skip: .ci/run
 * installs it. Outside CI the tests are skipped with a message saying how to install it.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  const message = `Chromium not found at ${chromiumPath}: install Debian's package (apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH.`;
  if (process.env['CI'] === 'true') throw new Error(message);
  console.warn(`[admin e2e] skipped: ${message}`);
  return false;
}

// The flags this machine needs: no sandbox as root, no GPU, and no background connections (the network is closed).
const flags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Headless Chromium with a fresh profile (Playwright makes a new empty user data dir per launch). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: flags });
}
