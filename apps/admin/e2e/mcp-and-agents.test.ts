import { startEchoAgent, type EchoAgent } from '@switchyard/a2a-client/testing';
import { startEverythingHttp, type HttpPeer } from '@switchyard/mcp-bridge/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from './support/chromium';
import { openPage, row, signIn } from './support/console';
import { masterKey, startE2eGateway, type E2eGateway } from './support/gateway';
import { manage } from './support/seed';

interface KeyInfo {
  info?: { object_permission: { mcp_servers: string[]; agents: string[] } | null };
}

describe.skipIf(!chromiumAvailable())('MCP servers and A2A agents from the console, in Chromium', () => {
  let everything: HttpPeer;
  let agent: EchoAgent;
  let gateway: E2eGateway;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let appKey: { key: string; token: string };
  const headerSecret = 'Bearer mcp-upstream-secret-e2e';

  beforeAll(async () => {
    [everything, agent, gateway] = await Promise.all([startEverythingHttp('streamableHttp'), startEchoAgent(), startE2eGateway()]);
    appKey = await manage(gateway, '/key/generate', { key_alias: 'tools-app' });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await signIn(page, gateway.url, masterKey);
    await openPage(page, 'MCP & agents', 'MCP servers & agents');
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await gateway?.close();
    await everything?.kill();
    await agent?.close();
  });

  it('adds an MCP server with a write-only credential header and lists its tools', async () => {
    await page.getByText('No MCP servers.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Add MCP server' }).click();
    const form = page.getByRole('dialog', { name: 'Add an MCP server' });
    await form.getByLabel('Name', { exact: true }).fill('everything');
    await form.getByLabel('URL', { exact: true }).fill(everything.url);
    await form.getByLabel('Transport').selectOption('http');
    await form.getByLabel('Credential header name').fill('authorization');
    await form.getByLabel('Credential header value').fill(headerSecret);
    await form.getByRole('button', { name: 'Add server' }).click();
    await row(page, 'everything').getByText('Stored').waitFor();
    await row(page, 'everything').getByRole('button', { name: 'Tools everything' }).click();
    const tools = page.getByRole('dialog', { name: 'Tools of everything' });
    await tools.getByText('everything-echo', { exact: true }).waitFor();
    await tools.getByRole('button', { name: 'Close' }).click();
    expect(await page.content()).not.toContain(headerSecret);
    expect(JSON.stringify(await manage(gateway, '/v1/mcp/server'))).not.toContain(headerSecret);
  });

  it("sets which keys may use the server: unticked, the key's object_permission leaves it out", async () => {
    await row(page, 'everything').getByRole('button', { name: 'Access everything' }).click();
    const access = page.getByRole('dialog', { name: 'Keys that may use everything' });
    const box = access.getByRole('checkbox', { name: 'tools-app' });
    expect(await box.isChecked()).toBe(true);
    await box.click();
    await page.getByText('tools-app may no longer use everything.').waitFor();
    expect((await manage<KeyInfo>(gateway, `/key/info?key=${appKey.token}`)).info?.object_permission?.mcp_servers).toEqual([]);
    const refused = await fetch(`${gateway.url}/v1/mcp/tools?server_name=everything`, { headers: { authorization: `Bearer ${appKey.key}` } });
    expect(refused.status).toBe(403);
    await box.click();
    await page.getByText('tools-app may now use everything.').waitFor();
    expect((await manage<KeyInfo>(gateway, `/key/info?key=${appKey.token}`)).info?.object_permission?.mcp_servers).toEqual(['everything']);
    const allowed = await fetch(`${gateway.url}/v1/mcp/tools?server_name=everything`, { headers: { authorization: `Bearer ${appKey.key}` } });
    expect(allowed.status).toBe(200);
    await access.getByRole('button', { name: 'Close' }).click();
  });

  it('adds an A2A agent and deletes it, then deletes the MCP server', async () => {
    await page.getByRole('button', { name: 'Add agent' }).click();
    const form = page.getByRole('dialog', { name: 'Add an agent' });
    await form.getByLabel('Name', { exact: true }).fill('echo');
    await form.getByLabel('URL', { exact: true }).fill(agent.url);
    await form.getByLabel('Description').fill('Repeats what it is told');
    await form.getByRole('button', { name: 'Add agent' }).click();
    await row(page, 'Repeats what it is told').waitFor();
    await row(page, 'Repeats what it is told').getByRole('button', { name: 'Delete echo' }).click();
    await page.getByRole('dialog', { name: 'Delete this agent?' }).getByRole('button', { name: 'Delete agent' }).click();
    await page.getByText('No agents.', { exact: false }).waitFor();

    await row(page, 'everything').getByRole('button', { name: 'Delete everything' }).click();
    await page.getByRole('dialog', { name: 'Delete this MCP server?' }).getByRole('button', { name: 'Delete server' }).click();
    await page.getByText('No MCP servers.', { exact: false }).waitFor();
  });
});
