import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './support/chromium';
import { masterKey, startE2eGateway, type E2eGateway } from './support/gateway';

describe.skipIf(!chromiumAvailable())('the console served by the gateway, in Chromium', () => {
  let gateway: E2eGateway;
  let browser: Browser;

  beforeAll(async () => {
    gateway = await startE2eGateway();
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it('serves the built console at /ui with its assets', async () => {
    const page = await fetch(`${gateway.url}/ui/keys`);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    const script = /src="(\/ui\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${gateway.url}${script}`);
    expect([asset.status, asset.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable']);
  });

  it('asks for a key, refuses a wrong one by keyboard alone, and never stores it outside the tab', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${gateway.url}/ui/`);
    await page.getByRole('heading', { name: 'Switchyard console' }).waitFor();
    const field = page.getByLabel('Admin key');
    expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('sk-not-a-real-key');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/invalid|not valid|unknown/i);
    await page.getByRole('heading', { name: 'Switchyard console' }).waitFor();
    expect(await page.evaluate(() => [sessionStorage.length, localStorage.length, document.cookie])).toEqual([0, 0, '']);
    expect(gateway.output()).not.toContain(masterKey);
    await context.close();
  });
});
