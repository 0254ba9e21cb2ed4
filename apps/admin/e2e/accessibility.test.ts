import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './support/chromium';
import { openPage, signIn } from './support/console';
import { masterKey, startE2eGateway, type E2eGateway } from './support/gateway';
import { seedDemoData } from './support/seed';

const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** axe-core's WCAG 2.1 A and AA checks on what the page shows now; each violation as "rule: element…". */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axeScript });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
  });
  return found.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}

describe.skipIf(!chromiumAvailable())('the console is accessible', () => {
  let gateway: E2eGateway;
  let browser: Browser;

  beforeAll(async () => {
    gateway = await startE2eGateway();
    await seedDemoData(gateway);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it('has no WCAG A/AA violations on any page or dialog, on a laptop and a phone', async () => {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      // The console's CSP allows no inline script: axe is injected with the policy bypassed for this test only.
      const page = await (await browser.newContext({ viewport, bypassCSP: true })).newPage();
      await page.goto(`${gateway.url}/ui/`);
      expect(await violations(page)).toEqual([]);
      await signIn(page, gateway.url, masterKey);
      const pages: Array<[string, string]> = [['Teams & users', 'Teams & users'], ['Models', 'Models'], ['Spend', 'Spend'], ['Logs', 'Logs'], ['MCP & agents', 'MCP servers & agents'], ['Keys', 'Keys']];
      for (const [link, heading] of pages) {
        await openPage(page, link, heading);
        await page.waitForLoadState('networkidle');
        expect([heading, ...(await violations(page))]).toEqual([heading]);
      }
      await page.getByRole('button', { name: 'Create key' }).click();
      await page.getByRole('dialog', { name: 'Create a key' }).waitFor();
      expect(['create key dialog', ...(await violations(page))]).toEqual(['create key dialog']);
      await page.context().close();
    }
  });

  it('works from the keyboard: the skip link, the navigation, and dialogs that give focus back', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, gateway.url, masterKey);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Teams & users');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Teams & users' }).waitFor();
    const createTeam = page.getByRole('button', { name: 'Create team' });
    await createTeam.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Create a team' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await page.keyboard.type('platform');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await createTeam.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.context().close();
  });
});
