import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SeriesSet } from '../api/spend-api';
import { dayIncrs, dayLabel, daySplits } from '../lib/day-axis';

export const palette = ['#2563eb', '#db2777', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#64748b'];

interface TimeChartProps {
  title: string;
  data: SeriesSet;
  format: (value: number) => string;
}

function options(width: number, data: SeriesSet, format: TimeChartProps['format']): uPlot.Options {
  return {
    width,
    height: 240,
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true } },
    axes: [
      { space: 64, incrs: dayIncrs, splits: (_, _axis, min, max, incr) => daySplits(min, max, incr), values: (_, ticks) => ticks.map(dayLabel) },
      { values: (_, ticks) => ticks.map(format), size: 70 },
    ],
    series: [
      { label: 'Day', value: (_: uPlot, value: number | null) => (value === null ? '—' : dayLabel(value)) },
      ...data.series.map((series, index) => ({
        label: series.name,
        stroke: palette[index % palette.length]!,
        width: 2,
        points: { show: data.days.length < 40 },
        value: (_: uPlot, value: number | null) => (value === null ? '—' : format(value)),
      })),
    ],
  };
}

/** The data behind a chart as a table, for screen readers and for copying figures. */
function ChartTable({ title, data, format }: TimeChartProps) {
  return (
    <details className="chart-table">
      <summary>Show the figures</summary>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              {data.series.map((series) => (
                <th scope="col" key={series.name}>
                  {series.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.days.map((day, row) => (
              <tr key={day}>
                <th scope="row">{day}</th>
                {data.series.map((series) => (
                  <td key={series.name}>{format(series.values[row] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** A line chart over UTC days (uPlot, canvas) that follows its container's width, with its figures as a table. */
export function TimeChart({ title, data, format }: TimeChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (element === null || data.series.length === 0) return undefined;
    const x = data.days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000);
    const chart = new uPlot(options(Math.max(element.clientWidth, 280), data, format), [x, ...data.series.map((series) => series.values)], element);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(element.clientWidth, 280), height: 240 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [data, format]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {data.series.length === 0 ? <p className="state state-empty">No requests in this period.</p> : <div ref={holder} className="chart-canvas" role="img" aria-label={`${title}: a line chart; the figures are in the table below.`} />}
      {data.series.length > 0 && <ChartTable title={title} data={data} format={format} />}
    </figure>
  );
}
