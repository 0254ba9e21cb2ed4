import type { NamedTotal } from '../api/spend-api';
import { formatCount, formatUsd } from '../lib/format';

/** The largest spenders as horizontal bars (plain HTML: readable by screen readers as a list). */
export function BarList({ title, totals, limit = 8, empty }: { title: string; totals: readonly NamedTotal[]; limit?: number; empty: string }) {
  const shown = totals.slice(0, limit);
  const largest = Math.max(...shown.map((total) => total.spend), 0);
  return (
    <div className="bar-list">
      <h3>{title}</h3>
      {shown.length === 0 ? (
        <p className="state state-empty">{empty}</p>
      ) : (
        <ol>
          {shown.map((total) => (
            <li key={total.name}>
              <div className="bar-label">
                <span className="bar-name">{total.name}</span>
                <span>
                  {formatUsd(total.spend)} · {formatCount(total.requests)} req
                </span>
              </div>
              <div className="bar-track" aria-hidden="true">
                <div className="bar-fill" style={{ width: `${largest === 0 ? 0 : Math.max(2, (total.spend / largest) * 100)}%` }} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
