import OpenAI from 'openai';
import { masterKey, type E2eGateway } from './gateway';

/** A management call with the master key; throws with the gateway's answer when refused. */
export async function manage<T>(gateway: E2eGateway, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { headers: { authorization: `Bearer ${masterKey}`, 'content-type': 'application/json' } };
  if (body !== undefined) Object.assign(init, { method: 'POST', body: JSON.stringify(body) });
  const response = await fetch(`${gateway.url}${path}`, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Chats through the gateway with a key; failures are swallowed (failed requests are logged too). */
export async function chats(gateway: E2eGateway, key: string, model: string, count: number): Promise<void> {
  const client = new OpenAI({ apiKey: key, baseURL: `${gateway.url}/v1`, maxRetries: 0 });
  for (let index = 0; index < count; index++) {
    await client.chat.completions
      .create({ model, max_tokens: 30, messages: [{ role: 'user', content: `Summarise ticket #${index + 1} in one line.` }] })
      .catch(() => undefined);
  }
}

/** A small organisation's worth of data: teams, users, keys with budgets, and traffic on several models. */
export async function seedDemoData(gateway: E2eGateway): Promise<void> {
  const search = await manage<{ team_id: string }>(gateway, '/team/new', { team_alias: 'search', max_budget: 50, budget_duration: '30d', rpm_limit: 600, models: ['gpt-4o-mini', 'gpt-4o'] });
  const support = await manage<{ team_id: string }>(gateway, '/team/new', { team_alias: 'support', max_budget: 20, tpm_limit: 100000 });
  await manage(gateway, '/user/new', { user_id: 'ana', user_email: 'ana@example.com', user_role: 'proxy_admin', max_budget: 10 });
  await manage(gateway, '/user/new', { user_id: 'bo', user_email: 'bo@example.com', user_role: 'internal_user' });
  await manage(gateway, '/team/member_add', { team_id: search.team_id, member: { user_id: 'ana', role: 'admin' } });
  await manage(gateway, '/team/member_add', { team_id: support.team_id, member: { user_id: 'bo', role: 'user' } });
  const keys = [
    { key_alias: 'search-api', team_id: search.team_id, max_budget: 0.001, rpm_limit: 120, models: ['gpt-4o-mini', 'gpt-4o'] },
    { key_alias: 'support-bot', team_id: support.team_id, max_budget: 5, budget_duration: '30d' },
    { key_alias: 'nightly-evals', max_budget: 0.0009, tpm_limit: 50000 },
    { key_alias: 'ana-laptop', user_id: 'ana' },
  ];
  const issued: string[] = [];
  for (const key of keys) issued.push((await manage<{ key: string }>(gateway, '/key/generate', key)).key);
  await chats(gateway, issued[0]!, 'gpt-4o', 6);
  await chats(gateway, issued[0]!, 'gpt-4o-mini', 4);
  await chats(gateway, issued[1]!, 'gpt-4o-mini', 8);
  await chats(gateway, issued[2]!, 'gpt-4o', 5);
  await chats(gateway, issued[2]!, 'flaky-model', 2);
  await chats(gateway, issued[3]!, 'gpt-4o-mini', 2);
  await manage(gateway, '/key/block', { key: issued[3] });
}
