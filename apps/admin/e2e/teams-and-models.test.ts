import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './support/chromium';
import { openPage, row, signIn } from './support/console';
import { masterKey, startE2eGateway, type E2eGateway } from './support/gateway';
import { manage } from './support/seed';

describe.skipIf(!chromiumAvailable())('teams, users and deployments from the console, in Chromium', () => {
  let gateway: E2eGateway;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    gateway = await startE2eGateway();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await signIn(page, gateway.url, masterKey);
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await gateway?.close();
  });

  it('creates a team with a budget, a user (whose first key is shown once) and makes the user a member', async () => {
    await openPage(page, 'Teams & users');
    await page.getByRole('button', { name: 'Create team' }).click();
    const teamForm = page.getByRole('dialog', { name: 'Create a team' });
    await teamForm.getByLabel('Team name').fill('research');
    await teamForm.getByLabel('Max budget (USD)').fill('25');
    await teamForm.getByLabel('Requests per minute').fill('abc');
    await teamForm.getByRole('button', { name: 'Create team' }).click();
    expect(await teamForm.getByRole('alert').textContent()).toBe('Requests per minute must be a number of 0 or more.');
    await teamForm.getByLabel('Requests per minute').fill('300');
    await teamForm.getByRole('checkbox', { name: 'gpt-4o-mini' }).check();
    await teamForm.getByRole('button', { name: 'Create team' }).click();
    await row(page, 'research').getByText('$0.00 of $25.00').waitFor();
    await row(page, 'research').getByText('300 rpm').waitFor();

    await page.getByRole('button', { name: 'Add user' }).click();
    const userForm = page.getByRole('dialog', { name: 'Add a user' });
    await userForm.getByLabel('User id').fill('lee');
    await userForm.getByLabel('Email').fill('lee@example.com');
    await userForm.getByLabel('Role').selectOption('internal_user');
    await userForm.getByRole('button', { name: 'Add user' }).click();
    const secret = page.getByRole('dialog', { name: 'Save this key now' });
    expect(await secret.getByTestId('new-key').textContent()).toMatch(/^sk-/);
    await secret.getByRole('button', { name: 'I have saved it' }).click();
    await row(page, 'lee@example.com').getByText('internal_user').waitFor();

    await row(page, 'research').getByRole('button', { name: 'Members research' }).click();
    const members = page.getByRole('dialog', { name: 'Members of research' });
    await members.getByText('No members yet.').waitFor();
    await members.getByLabel('User id').fill('lee');
    await members.getByLabel('Role').selectOption('admin');
    await members.getByRole('button', { name: 'Add member' }).click();
    await members.getByText('lee', { exact: true }).waitFor();
    await members.getByRole('button', { name: 'Close' }).click();
    await row(page, 'research').getByRole('cell', { name: '1', exact: true }).waitFor();
    const team = (await manage<Array<{ team_alias: string; members_with_roles: unknown[]; models: string[]; rpm_limit: number }>>(gateway, '/team/list')).find((entry) => entry.team_alias === 'research');
    expect(team).toMatchObject({ members_with_roles: [{ user_id: 'lee', role: 'admin' }], models: ['gpt-4o-mini'], rpm_limit: 300 });
  });

  it('adds a stored deployment whose API key is never shown again, edits it and deletes it', async () => {
    await openPage(page, 'Models');
    await page.getByRole('button', { name: 'Add deployment' }).click();
    const form = page.getByRole('dialog', { name: 'Add a deployment' });
    await form.getByLabel('Public model name').fill('team-mini');
    await form.getByLabel('Provider model').fill('openai/gpt-4o-mini');
    await form.getByLabel('API base URL').fill(`${gateway.mock.url}/v1`);
    await form.getByLabel('API key').fill('sk-stored-upstream-secret');
    await form.getByRole('button', { name: 'Add deployment' }).click();
    await row(page, 'team-mini').getByText('Stored').waitFor();
    expect(await page.content()).not.toContain('sk-stored-upstream-secret');
    expect(JSON.stringify(await manage(gateway, '/model/info'))).not.toContain('sk-stored-upstream-secret');

    await row(page, 'team-mini').getByRole('button', { name: 'Edit team-mini' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit team-mini' });
    expect(await edit.getByLabel('API key').inputValue()).toBe('');
    await edit.getByLabel('Requests per minute').fill('90');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    const stored = (await manage<{ data: Array<{ model_name: string; litellm_params: { rpm?: number } }> }>(gateway, '/model/info')).data.find((entry) => entry.model_name === 'team-mini');
    expect(stored?.litellm_params.rpm).toBe(90);

    await row(page, 'team-mini').getByRole('button', { name: 'Delete team-mini' }).click();
    await page.getByRole('dialog', { name: 'Delete this deployment?' }).getByRole('button', { name: 'Delete deployment' }).click();
    await row(page, 'team-mini').waitFor({ state: 'detached' });
    await row(page, 'gpt-4o-mini').first().getByText('Config file', { exact: true }).waitFor();
  });

  it('streams a chat in the playground through a chosen model, and shows a failing one’s error', async () => {
    await page.getByLabel('Model', { exact: true }).selectOption('gpt-4o-mini');
    await page.getByLabel('Message').fill('Hello from the playground');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByTestId('chat-stats').waitFor();
    const transcript = page.getByRole('log', { name: 'Conversation' });
    expect(await transcript.textContent()).toMatch(/You: Hello from the playground\s*Model: \S+/);
    expect(await page.getByTestId('chat-stats').textContent()).toMatch(/^First token after .+, done in .+, \d+ prompt \+ \d+ completion tokens\.$/);

    await page.getByLabel('Model', { exact: true }).selectOption('flaky-model');
    await page.getByLabel('Message').fill('This one fails');
    await page.getByRole('button', { name: 'Send' }).click();
    const error = page.locator('.playground').getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).not.toBe('');
  });
});
