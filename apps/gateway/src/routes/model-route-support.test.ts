import { describe, expect, it } from 'vitest';
import type { Deployment } from '../models/deployment.js';
import { ModelTable } from '../models/model-table.js';
import { fakeFamily } from '../test-support/fake-family.js';
import { modelResponseHeaders, resolveModel } from './model-route-support.js';

const deployment: Deployment = {
  id: 'd',
  modelGroup: 'g',
  providerId: 'groq',
  provider: fakeFamily(['groq']).create({ provider: 'groq' }),
  upstreamModel: 'llama',
  timeoutMs: 1,
  streamTimeoutMs: 1,
  defaults: undefined,
};

describe('modelResponseHeaders', () => {
  it('names the group and provider and forwards only the upstream rate-limit state', () => {
    const headers = modelResponseHeaders(deployment, 'g', {
      'x-ratelimit-remaining-requests': '7',
      'x-ratelimit-reset-tokens': '1s',
      connection: 'keep-alive',
      'keep-alive': 'timeout=5',
      'transfer-encoding': 'chunked',
      'content-length': '12',
      'set-cookie': ['a=b'],
      'x-request-id': 'upstream-id',
      'x-ratelimit-limit-requests': undefined,
    });
    expect(headers).toEqual({
      'x-switchyard-model-group': 'g',
      'x-switchyard-provider': 'groq',
      'x-ratelimit-remaining-requests': '7',
      'x-ratelimit-reset-tokens': '1s',
    });
  });

  it('keeps header values printable', () => {
    expect(modelResponseHeaders(undefined, 'modèle ☃')).toEqual({ 'x-switchyard-model-group': 'mod%C3%A8le%20%E2%98%83' });
  });
});

describe('resolveModel', () => {
  it('throws a 404 model_not_found with param "model" and a bounded echo of the name', () => {
    const table = new ModelTable([deployment]);
    expect(resolveModel(table, 'g').group.name).toBe('g');
    try {
      resolveModel(table, 'x'.repeat(5000));
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toMatchObject({ status: 404, code: 'model_not_found', param: 'model' });
      expect((error as Error).message.length).toBeLessThan(400);
    }
  });
});
