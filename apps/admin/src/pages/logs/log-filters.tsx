import { useId, type FormEvent } from 'react';
import type { LogFilters } from '../../api/logs-api';
import { SelectField } from '../../components/field';

interface LogFiltersFormProps {
  filters: LogFilters;
  keys: ReadonlyArray<{ value: string; label: string }>;
  models: readonly string[];
  onApply: (filters: LogFilters) => void;
}

/** `datetime-local` text (the viewer's zone) as an ISO instant, or undefined. */
export function instantOf(local: string): string | undefined {
  if (local === '') return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An ISO instant as `datetime-local` text in the viewer's zone. */
export function localOf(instant: string | undefined): string {
  if (instant === undefined) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

export function filtersFrom(form: FormData): LogFilters {
  const read = (name: string) => String(form.get(name) ?? '');
  const filters: LogFilters = {};
  if (read('api_key') !== '') filters.api_key = read('api_key');
  if (read('model') !== '') filters.model = read('model');
  const status = read('status');
  if (status === 'success' || status === 'failure') filters.status = status;
  const start = instantOf(read('start_date'));
  if (start !== undefined) filters.start_date = start;
  const end = instantOf(read('end_date'));
  if (end !== undefined) filters.end_date = end;
  return filters;
}

/** Filters for the request logs: key, model, status and a time window. */
export function LogFiltersForm({ filters, keys, models, onApply }: LogFiltersFormProps) {
  const fromId = useId();
  const toId = useId();
  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    onApply(filtersFrom(new FormData(event.currentTarget)));
  }
  return (
    <form className="filters" onSubmit={submit} aria-label="Filter logs">
      <SelectField label="Key" name="api_key" options={[{ value: '', label: 'Any key' }, ...keys]} defaultValue={filters.api_key ?? ''} />
      <SelectField label="Model" name="model" options={[{ value: '', label: 'Any model' }, ...models.map((model) => ({ value: model, label: model }))]} defaultValue={filters.model ?? ''} />
      <SelectField
        label="Status"
        name="status"
        options={[
          { value: '', label: 'Any status' },
          { value: 'success', label: 'Succeeded' },
          { value: 'failure', label: 'Failed' },
        ]}
        defaultValue={filters.status ?? ''}
      />
      <div className="field">
        <label htmlFor={fromId}>From</label>
        <input id={fromId} name="start_date" type="datetime-local" defaultValue={localOf(filters.start_date)} />
      </div>
      <div className="field">
        <label htmlFor={toId}>To</label>
        <input id={toId} name="end_date" type="datetime-local" defaultValue={localOf(filters.end_date)} />
      </div>
      <div className="filter-actions">
        <button type="submit" className="button button-primary">
          Apply
        </button>
        <button type="reset" className="button" onClick={() => onApply({})}>
          Reset
        </button>
      </div>
    </form>
  );
}
