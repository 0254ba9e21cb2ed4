import { describe, expect, it } from 'vitest';
import { daySpan, seriesByName, spendPoints, totalsByName } from './spend-api';

describe('spendPoints', () => {
  it('reads flat rows under their different field names', () => {
    const answer = [
      { day: '2026-11-26', model_group: 'gpt-4o-mini', spend: 0.5, requests: 3, total_tokens: 120 },
      { date: '2026-11-27T10:00:00Z', model: 'claude', total_spend: '1.25', api_requests: 2, prompt_tokens: 10, completion_tokens: 5 },
    ];
    expect(spendPoints(answer, 'model')).toEqual([
      { day: '2026-11-26', name: 'gpt-4o-mini', spend: 0.5, requests: 3, tokens: 120 },
      { day: '2026-11-27', name: 'claude', spend: 1.25, requests: 2, tokens: 15 },
    ]);
  });

  it("flattens LiteLLM's nested rows, one point per inner row with the outer day", () => {
    const answer = [{ group_by_day: '2026-11-25', teams: [{ team_name: 'search', total_spend: 2 }, { team_name: 'ads', total_spend: 1 }] }];
    expect(spendPoints(answer, 'team')).toEqual([
      { day: '2026-11-25', name: 'search', spend: 2, requests: 0, tokens: 0 },
      { day: '2026-11-25', name: 'ads', spend: 1, requests: 0, tokens: 0 },
    ]);
  });

  it('reads an envelope and ignores what is not a row', () => {
    expect(spendPoints({ data: [{ key_alias: 'ci', cost: 3 }, 'junk', null] }, 'key')).toEqual([{ day: undefined, name: 'ci', spend: 3, requests: 0, tokens: 0 }]);
    expect(spendPoints('nonsense', 'key')).toEqual([]);
  });

  it('gives day reports no name', () => {
    expect(spendPoints([{ day: '2026-11-27', model: 'x', spend: 1 }], 'day')[0]?.name).toBeUndefined();
  });
});

describe('totalsByName and seriesByName', () => {
  const points = [
    { day: '2026-11-25', name: 'a', spend: 1, requests: 1, tokens: 1 },
    { day: '2026-11-27', name: 'a', spend: 2, requests: 1, tokens: 1 },
    { day: '2026-11-26', name: 'b', spend: 5, requests: 4, tokens: 1 },
    { day: '2026-11-26', name: 'c', spend: 0.5, requests: 9, tokens: 1 },
    { day: '2026-10-01', name: 'c', spend: 100, requests: 1, tokens: 1 },
  ];

  it('sums per name, largest spend first', () => {
    expect(totalsByName(points).map((total) => [total.name, total.spend, total.requests])).toEqual([
      ['c', 100.5, 10],
      ['b', 5, 4],
      ['a', 3, 2],
    ]);
  });

  it('zero-fills the days, keeps the largest names and sums the rest as "other"', () => {
    const days = daySpan('2026-11-25', '2026-11-27');
    expect(days).toEqual(['2026-11-25', '2026-11-26', '2026-11-27']);
    expect(seriesByName(points, days, 'spend', 2)).toEqual({
      days,
      series: [
        { name: 'c', values: [0, 0.5, 0] },
        { name: 'b', values: [0, 5, 0] },
        { name: 'other', values: [1, 0, 2] },
      ],
    });
    expect(seriesByName(points, days, 'requests', 5).series.find((series) => series.name === 'c')?.values).toEqual([0, 9, 0]);
  });

  it('makes one "total" series of unnamed points', () => {
    const days = daySpan('2026-11-26', '2026-11-26');
    expect(seriesByName([{ day: '2026-11-26', name: undefined, spend: 2, requests: 1, tokens: 0 }], days, 'spend')).toEqual({ days, series: [{ name: 'total', values: [2] }] });
  });
});
