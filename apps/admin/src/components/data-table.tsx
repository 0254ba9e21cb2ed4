import type { ReactNode } from 'react';

interface DataTableProps {
  /** Read by screen readers only. */
  caption: string;
  columns: readonly string[];
  /** Adds a last column for row buttons (its heading is for screen readers only). */
  actions?: boolean;
  children: ReactNode;
}

/** A table that scrolls sideways on a narrow screen, or shows each row as a card on a phone (cells carry data-label). */
export function DataTable({ caption, columns, actions = false, children }: DataTableProps) {
  return (
    <div className="table-wrap">
      <table className="table responsive">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A small button in a table row, named after the row for screen readers ("Delete ci"). */
export function RowButton({ label, name, onClick, danger = false }: { label: string; name: string; onClick: () => void; danger?: boolean }) {
  return (
    <button type="button" className={`button button-small${danger ? ' button-danger' : ''}`} onClick={onClick} aria-label={`${label} ${name}`}>
      {label}
    </button>
  );
}
