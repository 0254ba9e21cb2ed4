import { describe, expect, it } from 'vitest';
import { mockToolCall } from './mock-tool-call.js';

describe('mockToolCall', () => {
  it('fills the required properties with placeholders of their types', () => {
    const call = mockToolCall('weather', {
      type: 'object',
      properties: {
        city: { type: 'string' },
        days: { type: 'integer' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
        detail: { type: 'object', properties: { hourly: { type: ['boolean', 'null'] } }, required: ['hourly'] },
        note: { type: 'string' },
      },
      required: ['city', 'days', 'unit', 'detail'],
    });
    expect(call.input).toEqual({ city: 'mock', days: 1, unit: 'celsius', detail: { hourly: true } });
    expect(JSON.parse(call.argumentsJson)).toEqual(call.input);
  });

  it('reads Gemini capitalised types and gives {} without a schema', () => {
    expect(mockToolCall('f', { type: 'OBJECT', properties: { n: { type: 'NUMBER' } }, required: ['n'] }).input).toEqual({ n: 1 });
    expect(mockToolCall('f', undefined).argumentsJson).toBe('{}');
  });
});
