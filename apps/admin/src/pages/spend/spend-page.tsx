import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { listKeys } from '../../api/keys-api';
import { useApi } from '../../api/session-context';
import { daySpan, seriesByName, spendReport, totalsByName, type SpendGrouping, type SpendPoint } from '../../api/spend-api';
import { listTeams } from '../../api/teams-api';
import { BarList } from '../../components/bar-list';
import { SelectField } from '../../components/field';
import { Page, Section } from '../../components/page';
import { QueryView } from '../../components/query-view';
import { TimeChart } from '../../components/time-chart';
import { daysAgo, formatCount, formatUsd, utcDay } from '../../lib/format';
import { BudgetBurn } from './budget-burn';

const ranges = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
];
const groupings = [
  { value: 'model', label: 'Model' },
  { value: 'key', label: 'Key' },
  { value: 'team', label: 'Team' },
];
const measures = [
  { value: 'spend', label: 'Spend (USD)' },
  { value: 'requests', label: 'Requests' },
];

function Totals({ points }: { points: readonly SpendPoint[] }) {
  const spend = points.reduce((sum, point) => sum + point.spend, 0);
  const requests = points.reduce((sum, point) => sum + point.requests, 0);
  const tokens = points.reduce((sum, point) => sum + point.tokens, 0);
  return (
    <dl className="stats">
      <div><dt>Spend</dt><dd data-testid="total-spend">{formatUsd(spend)}</dd></div>
      <div><dt>Requests</dt><dd data-testid="total-requests">{formatCount(requests)}</dd></div>
      <div><dt>Tokens</dt><dd>{formatCount(tokens)}</dd></div>
    </dl>
  );
}

/** Spend and requests over time (total and by model, key or team), top spenders, and budget burn. */
export default function SpendPage() {
  const api = useApi();
  const [days, setDays] = useState('7');
  const [grouping, setGrouping] = useState<Exclude<SpendGrouping, 'day'>>('model');
  const [measure, setMeasure] = useState<'spend' | 'requests'>('spend');
  const range = useMemo(() => ({ start_date: utcDay(daysAgo(Number(days) - 1)), end_date: utcDay(new Date()) }), [days]);
  const span = useMemo(() => daySpan(range.start_date, range.end_date), [range]);
  const report = (group: SpendGrouping, perDay = false) => ({ queryKey: ['spend', group, perDay, range], queryFn: () => spendReport(api, range, group, perDay) });
  const byDay = useQuery(report('day'));
  const grouped = useQuery(report(grouping, true));
  const byKey = useQuery(report('key'));
  const byTeam = useQuery(report('team'));
  const byModel = useQuery(report('model'));
  const keys = useQuery({ queryKey: ['keys', 'burn'], queryFn: () => listKeys(api, { page: 1, size: 100 }) });
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => listTeams(api) });
  const format = measure === 'spend' ? formatUsd : formatCount;
  const filters = (
    <div className="toolbar">
      <SelectField label="Period" name="days" options={ranges} value={days} onChange={setDays} />
      <SelectField label="Measure" name="measure" options={measures} value={measure} onChange={(value) => setMeasure(value as 'spend' | 'requests')} />
    </div>
  );
  return (
    <Page title="Spend" actions={filters}>
      <QueryView query={byDay} label="the spend report">
        {(points) => (
          <>
            <Totals points={points} />
            <TimeChart title={`${measure === 'spend' ? 'Spend' : 'Requests'} per day`} data={seriesByName(points, span, measure)} format={format} />
          </>
        )}
      </QueryView>
      <Section title="Over time by" actions={<SelectField label="Group by" name="grouping" options={groupings} value={grouping} onChange={(value) => setGrouping(value as 'model')} />}>
        <QueryView query={grouped} label={`spend by ${grouping}`}>
          {(points) =>
            points.some((point) => point.day === undefined) ? (
              <p className="state state-empty">This gateway’s spend report has no per-day breakdown by {grouping}; see the totals below.</p>
            ) : (
              <TimeChart title={`${measure === 'spend' ? 'Spend' : 'Requests'} per day by ${grouping}`} data={seriesByName(points, span, measure)} format={format} />
            )
          }
        </QueryView>
      </Section>
      <Section title="Top spenders">
        <div className="bar-lists">
          <QueryView query={byKey} label="spend by key">{(points) => <BarList title="Keys" totals={totalsByName(points)} empty="No spend by keys." />}</QueryView>
          <QueryView query={byTeam} label="spend by team">{(points) => <BarList title="Teams" totals={totalsByName(points)} empty="No spend by teams." />}</QueryView>
          <QueryView query={byModel} label="spend by model">{(points) => <BarList title="Models" totals={totalsByName(points)} empty="No spend on models." />}</QueryView>
        </div>
      </Section>
      <Section title="Budget burn">
        <QueryView query={keys} label="keys">{(page) => <BudgetBurn keys={page.keys} teams={teams.data ?? []} />}</QueryView>
      </Section>
    </Page>
  );
}
