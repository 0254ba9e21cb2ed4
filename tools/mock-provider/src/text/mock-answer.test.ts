import { describe, expect, it } from 'vitest';
import { countTextCharacters, estimateTokens, mockText, planAnswer } from './mock-answer.js';

describe('planAnswer', () => {
  it('splits the mock sentence into chunks - 2 deltas that join back to it', () => {
    const answer = planAnswer(0);
    expect(answer.pieces).toHaveLength(18);
    expect(answer.pieces.join('')).toBe(mockText);
    expect(answer.pieces.every((piece) => piece.length > 0)).toBe(true);
    expect(answer.completionTokens).toBe(10);
    expect(answer.truncated).toBe(false);
  });

  it('repeats the sentence when more deltas are asked for than it has characters', () => {
    const answer = planAnswer(8, 102);
    expect(answer.pieces).toHaveLength(100);
    expect(answer.text.startsWith(`${mockText} ${mockText}`)).toBe(true);
    expect(answer.pieces.join('')).toBe(answer.text);
    expect(answer.promptTokens).toBe(2);
  });

  it('cuts the answer to the output token limit', () => {
    const answer = planAnswer(0, 20, 2);
    expect(answer.text).toBe(mockText.slice(0, 8));
    expect(answer.completionTokens).toBe(2);
    expect(answer.truncated).toBe(true);
  });

  it('uses one delta for chunks below three', () => {
    expect(planAnswer(0, 1).pieces).toEqual([mockText]);
  });
});

describe('token and character counting', () => {
  it('estimates about four characters per token, at least one', () => {
    expect(estimateTokens(0)).toBe(1);
    expect(estimateTokens(9)).toBe(3);
  });

  it('counts text and content strings at any depth, not other fields', () => {
    const messages = [
      { role: 'system', content: 'abcd' },
      { role: 'user', content: [{ type: 'text', text: 'efgh' }, { type: 'image_url', image_url: { url: 'xxxxxxxx' } }] },
    ];
    expect(countTextCharacters(messages)).toBe(8);
  });
});
