// Takes the screenshots in docs/screenshots/ (desktop, and a phone for the keys page) from a real gateway with demo
// data: `pnpm --filter @switchyard/admin screenshots` (builds nothing: run the admin test or build first).
import { mkdirSync } from 'node:fs';
import { startEchoAgent, type EchoAgent } from '@switchyard/a2a-client/testing';
import { startEverythingHttp, type HttpPeer } from '@switchyard/mcp-bridge/testing';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import { launchChromium } from '../e2e/support/chromium';
import { openPage, row, signIn } from '../e2e/support/console';
import { masterKey, startE2eGateway, type E2eGateway } from '../e2e/support/gateway';
import { manage, seedDemoData } from '../e2e/support/seed';

const out = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
let gateway: E2eGateway;
let everything: HttpPeer;
let agent: EchoAgent;

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  [gateway, everything, agent] = await Promise.all([startE2eGateway(), startEverythingHttp('streamableHttp'), startEchoAgent()]);
  await seedDemoData(gateway);
  await manage(gateway, '/v1/mcp/server', { server_name: 'everything', transport: 'http', url: everything.url, description: 'The MCP reference server' });
  await manage(gateway, '/v1/agents', { agent_name: 'echo', url: agent.url, description: 'Repeats what it is told' });
  await new Promise((resolve) => setTimeout(resolve, 1000));
}, 120_000);

afterAll(async () => {
  await gateway?.close();
  await everything?.kill();
  await agent?.close();
});

/**
 * Waits until the page has finished loading: no request in flight, no loading message or spinner, nothing busy
 * (a list's query may start after the first requests settle, so network idle alone is not enough). A page
 * showing an alert (a list that failed to load, a form error) fails the run rather than landing in the docs; a
 * logged request's own error, shown in the log detail, is content.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelector('.state-loading, .spinner, [aria-busy="true"]') === null, undefined, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const errors = await page.getByRole('alert').allInnerTexts();
  if (errors.length > 0) throw new Error(`the page shows an error: ${errors.join(' | ')}`);
}

/** The whole page, or what is on screen (a phone's first screen; a dialog, whose backdrop covers the viewport only). */
async function shoot(page: Page, name: string, options: { dialog?: boolean; screen?: boolean } = {}): Promise<void> {
  await settled(page);
  if (options.dialog !== true) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${out}${name}.png`, fullPage: options.dialog !== true && options.screen !== true });
}

it('takes the desktop screenshots', async () => {
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' })).newPage();
  await page.goto(`${gateway.url}/ui/`);
  await shoot(page, 'sign-in');
  await signIn(page, gateway.url, masterKey);
  await shoot(page, 'keys');
  await row(page, 'support-bot').getByRole('button', { name: 'Edit support-bot' }).click();
  await shoot(page, 'key-edit', { dialog: true });
  await page.keyboard.press('Escape');
  await openPage(page, 'Teams & users');
  await shoot(page, 'teams-and-users');
  await openPage(page, 'Models');
  await page.getByLabel('Model', { exact: true }).selectOption('gpt-4o-mini');
  await page.getByLabel('Message').fill('Write a haiku about load balancers.');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByTestId('chat-stats').waitFor();
  await shoot(page, 'models-and-playground');
  await openPage(page, 'Spend');
  await page.locator('.uplot').first().waitFor();
  await shoot(page, 'spend');
  await openPage(page, 'Logs');
  await shoot(page, 'logs');
  await row(page, 'flaky-model').first().getByRole('button', { name: /^Details/ }).click();
  await shoot(page, 'log-detail', { dialog: true });
  await page.keyboard.press('Escape');
  await openPage(page, 'MCP & agents', 'MCP servers & agents');
  await shoot(page, 'mcp-and-agents');
  await browser.close();
}, 120_000);

it('takes the phone screenshots', async () => {
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, gateway.url, masterKey);
  await shoot(page, 'phone-keys', { screen: true });
  await openPage(page, 'Spend');
  await page.locator('.uplot').first().waitFor();
  await shoot(page, 'phone-spend', { screen: true });
  await browser.close();
}, 120_000);
