import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.js';
import { livelinessRoute, readinessRoute } from './health.js';

describe('health routes', () => {
  it('reports ready, then not ready once shutting down', async () => {
    let shuttingDown = false;
    const app = new Hono<AppEnv>();
    app.get('/live', livelinessRoute());
    app.get('/ready', readinessRoute({ isShuttingDown: () => shuttingDown, modelGroups: 3 }));
    expect(await (await app.request('/live')).json()).toEqual({ status: 'healthy' });
    const ready = await app.request('/ready');
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', model_groups: 3 }]);
    shuttingDown = true;
    const draining = await app.request('/ready');
    expect([draining.status, await draining.json()]).toEqual([503, { status: 'shutting_down', model_groups: 3 }]);
  });
});
