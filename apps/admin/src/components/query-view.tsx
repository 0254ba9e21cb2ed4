import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { messageOf } from '../api/api-error';

interface QueryViewProps<T> {
  query: UseQueryResult<T>;
  /** What is loaded, for the loading and error messages ("keys"). */
  label: string;
  isEmpty?: (data: T) => boolean;
  /** Shown when `isEmpty`: what the list would hold and how to add the first one. */
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** The loading, error and empty states every list shares, then the content. */
export function QueryView<T>({ query, label, isEmpty, empty, children }: QueryViewProps<T>) {
  if (query.isPending) {
    return (
      <p role="status" className="state state-loading">
        <span className="spinner" aria-hidden="true" /> Loading {label}…
      </p>
    );
  }
  if (query.isError) {
    return (
      <div role="alert" className="state state-error">
        <p>
          Could not load {label}: {messageOf(query.error)}
        </p>
        <button type="button" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (isEmpty?.(query.data) === true) return <div className="state state-empty">{empty}</div>;
  return <>{children(query.data)}</>;
}
