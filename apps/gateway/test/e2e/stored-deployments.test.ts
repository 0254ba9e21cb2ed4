import { createTemporaryDatabase, type TemporaryDatabase } from '@switchyard/store/testing';
import { NotFoundError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioParams, startHarness, type Harness } from '../support/gateway-harness.js';
import { servicesReachable } from '../support/service-urls.js';

const services = await servicesReachable();
const masterKey = 'sk-stored-deployments-master';
const storedSecret = 'sk-stored-upstream-secret';
const yaml = `model_list:
  - model_name: demo
    litellm_params: ${scenarioParams('')}
`;

describe.skipIf(services.skipReason !== undefined)('deployments added through /model/new, on Postgres', () => {
  let database: TemporaryDatabase;
  const harnesses: Harness[] = [];
  const start = async () => {
    const harness = await startHarness(yaml, { governanceEnv: { SWITCHYARD_MASTER_KEY: masterKey, DATABASE_URL: database.url } });
    harnesses.push(harness);
    return harness;
  };
  beforeAll(async () => {
    database = await createTemporaryDatabase(services.postgresUrl, 'switchyard_stored_models');
  });
  afterAll(async () => {
    for (const harness of harnesses) await harness.close();
    await database.drop();
  });

  it('serve traffic from the next start, with the stored secret sent upstream and never answered', async () => {
    const first = await start();
    const created = await fetch(`${first.url}/model/new`, {
      method: 'POST',
      headers: { authorization: `Bearer ${masterKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model_name: 'added-later', litellm_params: { model: 'openai/gpt-4o-mini', api_base: `${first.mock.url}/v1`, api_key: storedSecret }, model_info: { id: 'added-1' } }),
    });
    expect(created.status).toBe(200);
    const ask = (harness: Harness) => harness.client({ apiKey: masterKey }).chat.completions.create({ model: 'added-later', messages: [{ role: 'user', content: 'hi' }] });
    // The running router cannot add deployments: this gateway does not know the group yet.
    expect(await ask(first).catch((error: unknown) => error)).toBeInstanceOf(NotFoundError);

    const second = await start();
    expect((await ask(second)).choices).toHaveLength(1);
    expect(first.mock.requests.at(-1)?.headers['authorization']).toBe(`Bearer ${storedSecret}`);
    const info = await fetch(`${second.url}/model/info?litellm_model_id=added-1`, { headers: { authorization: `Bearer ${masterKey}` } });
    const body = await info.text();
    expect(JSON.parse(body)).toEqual({
      data: [expect.objectContaining({ model_name: 'added-later', model_info: expect.objectContaining({ id: 'added-1', db_model: true, health_status: 'healthy' }) })],
    });
    expect(body).not.toContain(storedSecret);
    expect(second.rawLogs.join('\n')).not.toContain(storedSecret);
  });
});
