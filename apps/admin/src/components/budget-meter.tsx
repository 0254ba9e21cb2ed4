import { budgetShare, formatBudget } from '../lib/format';

/** Spend against a budget: a meter (green, then amber from 80%, red when spent) and the figures in words. */
export function BudgetMeter({ spend, budget }: { spend: number; budget: number | undefined }) {
  const share = budgetShare(spend, budget);
  const label = formatBudget(spend, budget);
  if (share === undefined) return <span className="budget">{label}</span>;
  return (
    <span className="budget">
      <meter min={0} max={1} low={0.8} high={0.99} optimum={0} value={Math.min(share, 1)} aria-label={`Budget used: ${label}`} />
      <span>{label}</span>
    </span>
  );
}
