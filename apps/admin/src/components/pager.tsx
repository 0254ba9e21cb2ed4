interface PagerProps {
  page: number;
  /** The number of pages when the API says; else `hasNext` tells whether a next page may exist. */
  pages?: number;
  hasNext?: boolean;
  onPage: (page: number) => void;
  label: string;
}

/** Previous / next page buttons with the position in words. */
export function Pager({ page, pages, hasNext, onPage, label }: PagerProps) {
  const next = pages === undefined ? hasNext === true : page < pages;
  if (page <= 1 && !next) return null;
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <button type="button" className="button button-small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span>{pages === undefined ? `Page ${page}` : `Page ${page} of ${pages}`}</span>
      <button type="button" className="button button-small" disabled={!next} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </nav>
  );
}
