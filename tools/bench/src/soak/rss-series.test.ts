import { describe, expect, it } from 'vitest';
import { slope, summarizeRss, type RssSample } from './rss-series.js';

describe('summarizeRss', () => {
  it('reports idle, loaded, peak, the first and last windows and the slope after warm-up', () => {
    // 10 minutes, one sample every 10 s: a jump in the first minute, then flat with noise, then 1 MB/min growth.
    const samples: RssSample[] = [-20, -10].map((atSeconds) => ({ atSeconds, rssMb: 60 }));
    for (let at = 0; at <= 600; at += 10) samples.push({ atSeconds: at, rssMb: at < 60 ? 60 + at : 120 + (at % 20 === 0 ? 0.5 : -0.5) });
    const flat = summarizeRss(samples, 600);
    expect(flat.idleMb).toBe(60);
    expect(flat.peakMb).toBe(120.5);
    expect(flat.windowSeconds).toBe(60);
    expect(flat.firstWindowMb).toBeCloseTo((60 + 70 + 80 + 90 + 100 + 110 + 120.5) / 7, 5);
    expect(flat.lastWindowMb).toBeCloseTo(120, 0);
    expect(Math.abs(flat.slopeMbPerMinute)).toBeLessThan(0.05);

    const growing = summarizeRss(samples.map((sample) => ({ ...sample, rssMb: sample.rssMb + Math.max(0, sample.atSeconds) / 60 })), 600);
    expect(growing.slopeMbPerMinute).toBeCloseTo(1, 1);
  });

  it('uses a sixth of a short soak as its window', () => {
    const samples = [0, 1, 2, 3, 4, 5, 6].map((atSeconds) => ({ atSeconds, rssMb: 50 + atSeconds }));
    expect(summarizeRss(samples, 6)).toMatchObject({ windowSeconds: 1, firstWindowMb: 50.5, lastWindowMb: 55.5, idleMb: Number.NaN });
  });

  it('slope is NaN without two distinct points', () => {
    expect(slope([])).toBeNaN();
    expect(slope([[1, 2], [1, 3]])).toBeNaN();
    expect(slope([[0, 1], [2, 5]])).toBe(2);
  });
});
