import { describe, expect, it } from 'vitest';
import { anthropicModelTraits } from './anthropic-models.js';

describe('anthropicModelTraits', () => {
  it.each([
    ['claude-opus-5', { adaptiveThinking: true, rejectsSampling: true, xhighEffort: true, structuredOutput: true }],
    ['claude-opus-4-7', { adaptiveThinking: true, rejectsSampling: true }],
    ['claude-fable-5', { rejectsSampling: true }],
    ['claude-sonnet-4-6', { adaptiveThinking: true, rejectsSampling: false, xhighEffort: false }],
    ['claude-opus-4-6', { adaptiveThinking: true, rejectsSampling: false }],
    ['claude-sonnet-4-5-20250929', { adaptiveThinking: false, thinking: true, structuredOutput: true, exclusiveTemperatureAndTopP: true }],
    ['claude-haiku-4-5-20251001', { maxOutputTokens: 64_000, structuredOutput: true }],
    ['claude-opus-4-1-20250805', { maxOutputTokens: 32_000, structuredOutput: true }],
    ['claude-sonnet-4-20250514', { thinking: true, structuredOutput: false, exclusiveTemperatureAndTopP: false }],
    ['claude-opus-4-20250514', { maxOutputTokens: 32_000, structuredOutput: false }],
    ['claude-3-7-sonnet-20250219', { thinking: true, structuredOutput: false }],
    ['claude-3-5-haiku-20241022', { thinking: false, maxOutputTokens: 8_192 }],
    ['claude-3-haiku-20240307', { thinking: false, maxOutputTokens: 4_096 }],
  ])('%s', (model, traits) => {
    expect(anthropicModelTraits(model)).toMatchObject(traits);
  });

  it('treats an unknown claude- id as newer than the table, so nothing it refuses is sent', () => {
    expect(anthropicModelTraits('claude-sonnet-7')).toMatchObject({ rejectsSampling: true, adaptiveThinking: true });
  });

  it('treats an id that is not Claude (an Anthropic-compatible server) conservatively', () => {
    expect(anthropicModelTraits('minimax-m2')).toMatchObject({ thinking: false, structuredOutput: false, rejectsSampling: false });
  });
});
