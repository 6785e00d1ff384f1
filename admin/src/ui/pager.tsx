/** Previous / next page buttons under a paginated list. */

/** Shown only when there is more than one page. */
export function Pager(props: { label: string; page: number; hasNext: boolean; onPage(page: number): void }) {
  if (props.page <= 1 && !props.hasNext) return null;
  return (
    <nav className="pager" aria-label={props.label}>
      <button type="button" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        Page précédente
      </button>
      <span>Page {props.page}</span>
      <button type="button" disabled={!props.hasNext} onClick={() => props.onPage(props.page + 1)}>
        Page suivante
      </button>
    </nav>
  );
}
