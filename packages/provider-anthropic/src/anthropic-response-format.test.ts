import type { ChatTool } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { useUpstreamCapture, userRequest } from './anthropic-capture.test-utils.js';

const upstream = useUpstreamCapture();

const recipe = {
  name: 'recipe',
  description: 'A recipe',
  schema: {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 80 },
      servings: { type: 'integer', minimum: 1, maximum: 12 },
      tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' }, minItems: 1, maxItems: 5 },
      when: { type: 'string', format: 'date-time' },
      size: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    },
    required: ['name'],
  },
};

describe('response_format', () => {
  it('uses native structured output on models that have it, with unsupported keywords dropped and objects closed', async () => {
    const { body } = await upstream.send(
      userRequest('claude-sonnet-4-5-20250929', { response_format: { type: 'json_schema', json_schema: recipe } }),
    );
    expect(body.tools).toBeUndefined();
    expect(body.output_config).toEqual({
      format: {
        type: 'json_schema',
        schema: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            servings: { type: 'integer' },
            tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
            when: { type: 'string', format: 'date-time' },
            size: { anyOf: [{ type: 'string' }, { type: 'number' }] },
          },
          required: ['name'],
          additionalProperties: false,
        },
      },
    });
  });

  it('forces a json tool with the schema on models without structured output', async () => {
    const { body } = await upstream.send(
      userRequest('claude-3-7-sonnet-20250219', { response_format: { type: 'json_schema', json_schema: recipe } }),
    );
    expect(body.output_config).toBeUndefined();
    expect(body.tools).toEqual([{ name: 'json', description: 'A recipe', input_schema: recipe.schema }]);
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'json', disable_parallel_tool_use: true });
  });

  it('answers json_object with the json tool and an open object schema, even where structured output exists', async () => {
    const { body } = await upstream.send(userRequest('claude-opus-5', { response_format: { type: 'json_object' } }));
    expect(body.output_config).toBeUndefined();
    expect(body.tools).toEqual([
      { name: 'json', description: 'Respond with a JSON object.', input_schema: { type: 'object', additionalProperties: true } },
    ]);
  });

  it('names the json tool so it does not collide with a tool of the caller', async () => {
    const userJson: ChatTool = { type: 'function', function: { name: 'json' } };
    const { body } = await upstream.send(userRequest('claude-opus-5', { tools: [userJson], response_format: { type: 'json_object' } }));
    expect((body.tools as Array<{ name: string }>).map((tool) => tool.name)).toEqual(['json', 'json_1']);
    expect(body.tool_choice).toEqual({ type: 'any', disable_parallel_tool_use: true });
  });

  it('leaves the json tool to the model while thinking, since forcing a tool is refused then', async () => {
    const { body } = await upstream.send(
      userRequest('claude-3-7-sonnet-20250219', { reasoning_effort: 'low', response_format: { type: 'json_object' } }),
    );
    expect(body.tool_choice).toEqual({ type: 'auto' });
  });

  it('keeps a named tool_choice of the caller next to the json tool', async () => {
    const weather: ChatTool = { type: 'function', function: { name: 'weather' } };
    const { body } = await upstream.send(
      userRequest('claude-opus-5', {
        tools: [weather],
        tool_choice: { type: 'function', function: { name: 'weather' } },
        response_format: { type: 'json_object' },
      }),
    );
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'weather' });
  });

  it('sends nothing for response_format text', async () => {
    const { body } = await upstream.send(userRequest('claude-opus-5', { response_format: { type: 'text' } }));
    expect(body.tools).toBeUndefined();
    expect(body.output_config).toBeUndefined();
  });
});
