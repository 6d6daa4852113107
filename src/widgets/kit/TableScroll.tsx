// A table that scrolls sideways inside its figure on a narrow screen, never past the page's edge.
// While it has more than it shows, the region is a named tab stop, so it can be scrolled from the
// keyboard too. `FigureTable` is the usual figure table in it: a caption, a header row of column
// names, and the rows the figure gives.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import './figure.css';

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="fig-table-wrap" role={scrolls ? 'region' : undefined} aria-label={scrolls ? label : undefined} tabIndex={scrolls ? 0 : undefined}>
      {children}
    </div>
  );
}

interface FigureTableProps {
  caption: string;
  columns: readonly string[];
  /** The table's class (`fig-table` by default, the kit's small table). */
  className?: string;
  /** The body's rows. */
  children: ReactNode;
}

export function FigureTable({ caption, columns, className = 'fig-table', children }: FigureTableProps) {
  return (
    <TableScroll label={caption}>
      <table className={className}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
