// The x axis of a per-day chart: one tick per UTC day (or every 2, 7, 14… days when they would crowd), each
// labelled with the date alone. uPlot's own time splits fall on the viewer's local midnights and label hours.
const day = 86_400;

/** Steps between ticks, in seconds: uPlot takes the smallest that leaves its minimum space between labels. */
export const dayIncrs: number[] = [1, 2, 7, 14, 28, 91].map((days) => days * day);

/** Tick positions (Unix seconds): UTC midnights from the scale's first whole day, `incr` apart. */
export function daySplits(scaleMin: number, scaleMax: number, incr: number): number[] {
  const step = Math.max(day, Math.round(incr / day) * day);
  const splits: number[] = [];
  for (let at = Math.ceil(scaleMin / day) * day; at <= scaleMax; at += step) splits.push(at);
  return splits;
}

const dateLabel = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** "Nov 21": the UTC date of a Unix time in seconds. */
export function dayLabel(seconds: number): string {
  return dateLabel.format(new Date(seconds * 1000));
}
