import OpenAI from 'openai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './support/chromium';
import { openPage, refreshUntilVisible, row, signIn } from './support/console';
import { masterKey, startE2eGateway, type E2eGateway } from './support/gateway';

/** A chat through the gateway with the official client, as an application holding the key would send it. */
async function chat(gateway: E2eGateway, key: string): Promise<string> {
  const client = new OpenAI({ apiKey: key, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  const answer = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say hello to the console.' }] });
  return answer.choices[0]?.message.content ?? '';
}

async function refusal(gateway: E2eGateway, key: string): Promise<{ status: number | undefined; code: string | null | undefined }> {
  try {
    await chat(gateway, key);
  } catch (error) {
    if (error instanceof OpenAI.APIError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('the request was answered, not refused');
}

describe.skipIf(!chromiumAvailable())('a key from the console to a refused request, in Chromium', () => {
  let gateway: E2eGateway;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let key = '';

  beforeAll(async () => {
    gateway = await startE2eGateway();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await gateway?.close();
  });

  it('signs in with the master key and creates a key, shown once', async () => {
    await signIn(page, gateway.url, masterKey);
    await page.getByText('No keys yet.').waitFor();
    await page.getByRole('button', { name: 'Create key' }).click();
    const form = page.getByRole('dialog', { name: 'Create a key' });
    await form.getByLabel('Name (alias)').fill('e2e-app');
    await form.getByLabel('Max budget (USD)').fill('1');
    await form.getByRole('button', { name: 'Create key' }).click();
    const secret = page.getByRole('dialog', { name: 'Save this key now' });
    key = (await secret.getByTestId('new-key').textContent()) ?? '';
    expect(key).toMatch(/^sk-/);
    await secret.getByRole('button', { name: 'I have saved it' }).click();
    await row(page, 'e2e-app').getByText('$0.00 of $1.00').waitFor();
    expect(await page.content()).not.toContain(key);
  });

  it('shows the spend and the log entry of a chat made with the key', async () => {
    expect(await chat(gateway, key)).not.toBe('');
    await openPage(page, 'Logs');
    const entry = row(page, 'e2e-app').filter({ hasText: 'gpt-4o-mini' });
    await refreshUntilVisible(page, entry, () => page.getByRole('button', { name: 'Refresh' }).click());
    await entry.getByRole('button', { name: /^Details/ }).click();
    const detail = page.getByRole('dialog', { name: 'Request details' });
    for (const fact of ['Prompt tokens', 'Completion tokens', 'Cost', 'Latency', 'Time to first token']) await detail.getByText(fact, { exact: true }).waitFor();
    expect(await detail.getByText('Succeeded').count()).toBe(1);
    await detail.getByRole('button', { name: 'Close' }).click();

    await openPage(page, 'Spend');
    await page.getByRole('heading', { name: 'Keys', level: 3 }).waitFor();
    await page.locator('.bar-list').filter({ hasText: 'Keys' }).getByText('e2e-app').waitFor();
    expect(await page.getByTestId('total-spend').textContent()).not.toBe('$0.00');
    expect(await page.getByTestId('total-requests').textContent()).toBe('1');

    await openPage(page, 'Keys');
    await row(page, 'e2e-app').getByText(/^\$0\.0*[1-9]\d* of \$1\.00$/).waitFor();
  });

  it('lowers the budget, blocks the key and the next request is refused; unblocked it works again', async () => {
    await row(page, 'e2e-app').getByRole('button', { name: 'Edit e2e-app' }).click();
    const form = page.getByRole('dialog', { name: 'Edit e2e-app' });
    await form.getByLabel('Max budget (USD)').fill('0.5');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await row(page, 'e2e-app').getByText(/ of \$0\.50$/).waitFor();

    await row(page, 'e2e-app').getByRole('button', { name: 'Block e2e-app' }).click();
    await row(page, 'e2e-app').getByText('Blocked').waitFor();
    expect(await refusal(gateway, key)).toEqual({ status: 403, code: 'key_blocked' });

    await row(page, 'e2e-app').getByRole('button', { name: 'Unblock e2e-app' }).click();
    await row(page, 'e2e-app').getByText('Active').waitFor();
    expect(await chat(gateway, key)).not.toBe('');
  });

  it('refuses the next request once the budget is lowered below the spend', async () => {
    await row(page, 'e2e-app').getByRole('button', { name: 'Edit e2e-app' }).click();
    const form = page.getByRole('dialog', { name: 'Edit e2e-app' });
    await form.getByLabel('Max budget (USD)').fill('0.0000001');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await refusal(gateway, key)).toEqual({ status: 429, code: 'budget_exceeded' });
    expect(gateway.output()).not.toContain(key);
  });

  it('regenerates the key (the old value stops working, the new one keeps its limits) and deletes it', async () => {
    await row(page, 'e2e-app').getByRole('button', { name: 'Regenerate e2e-app' }).click();
    await page.getByRole('dialog', { name: 'Regenerate this key?' }).getByRole('button', { name: 'Regenerate' }).click();
    const secret = page.getByRole('dialog', { name: 'Save this key now' });
    const fresh = (await secret.getByTestId('new-key').textContent()) ?? '';
    expect(fresh).toMatch(/^sk-/);
    expect(fresh).not.toBe(key);
    await secret.getByRole('button', { name: 'I have saved it' }).click();
    expect((await refusal(gateway, key)).status).toBe(401);
    expect(await refusal(gateway, fresh)).toEqual({ status: 429, code: 'budget_exceeded' });

    await row(page, 'e2e-app').getByRole('button', { name: 'Delete e2e-app' }).click();
    await page.getByRole('dialog', { name: 'Delete this key?' }).getByRole('button', { name: 'Delete key' }).click();
    await page.getByText('No keys yet.').waitFor();
    expect((await refusal(gateway, fresh)).status).toBe(401);
  });
});
