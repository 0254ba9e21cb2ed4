import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './support/chromium';
import { signIn } from './support/console';
import { masterKey, startE2eGateway, type E2eGateway } from './support/gateway';
import { manage } from './support/seed';

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

  it("signs in with a proxy_admin user's key, and refuses a plain key as not an admin key", async () => {
    const admin = await manage<{ key: string }>(gateway, '/user/new', { user_id: 'ops', user_role: 'proxy_admin' });
    const plain = await manage<{ key: string }>(gateway, '/key/generate', { key_alias: 'an-app' });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${gateway.url}/ui/`);
    await page.getByLabel('Admin key').fill(plain.key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('not an admin key');
    await signIn(page, gateway.url, admin.key);
    await page.getByRole('cell', { name: /an-app/ }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Admin key').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await context.close();
  });
});
