import { describe, expect, it } from 'vitest';
import { claudeThinkingBudgets } from './claude-thinking-budgets.js';

describe('claudeThinkingBudgets', () => {
  it('maps every effort to a budget of at least 1024 tokens (the API minimum), growing with the effort', () => {
    const budgets = [claudeThinkingBudgets.minimal, claudeThinkingBudgets.low, claudeThinkingBudgets.medium, claudeThinkingBudgets.high];
    expect([...budgets, claudeThinkingBudgets.xhigh, claudeThinkingBudgets.max]).toEqual([1024, 1024, 2048, 4096, 8192, 16384]);
  });
});
