import { describe, expect, it } from 'vitest';
import { toolResultToText } from './tool-result-to-text.js';

describe('toolResultToText', () => {
  it('joins text and describes other content', () => {
    const text = toolResultToText({
      content: [
        { type: 'text', text: 'first' },
        { type: 'image', data: 'AAAA', mimeType: 'image/png' },
        { type: 'resource', resource: { uri: 'demo://a', text: 'inline text' } },
        { type: 'resource', resource: { uri: 'demo://b', blob: 'AAAA', mimeType: 'application/zip' } },
        { type: 'resource_link', uri: 'demo://c', name: 'c' },
      ],
    });
    expect(text.split('\n')).toEqual([
      'first',
      '[image image/png]',
      'inline text',
      '[resource demo://b (application/zip)]',
      '[resource demo://c]',
    ]);
  });

  it('falls back to the structured content', () => {
    expect(toolResultToText({ content: [], structuredContent: { temperature: 33 } })).toBe('{"temperature":33}');
  });
});
