// "In code" tabs: the engine's own source (taken from the file at build time, see
// build/remarkInCode.ts) beside the same thing in PyTorch and Keras. A WAI-ARIA tab list: arrow
// keys, Home and End move between tabs; every panel is in the page, so printing or reading without
// script still shows the first one. The reader's choice is the book's: every "In code" block on
// every page shows the framework last chosen (kept in the browser), where it has that tab.
import { Children, isValidElement, useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Sentence } from './Sentence.tsx';
import { storedValue } from './stored.ts';
import { codeTabStrings } from './strings.ts';

/** The label of the tab last chosen in any "In code" block ('' before any choice). */
export const chosenCodeTab = storedValue('dll-code-tab', '', (text) => text.slice(0, 40));

/** The tab list the reader just used and where it was on screen: blocks above it that change tab
 *  change height, so the page is scrolled to keep this one still. */
const steady: { current: { list: HTMLElement; top: number } | null } = { current: null };

export function CodeTab({ children }: { label: string; source?: string; children?: ReactNode }) {
  return <>{children}</>;
}

export function InCode({ children }: { source?: string; region?: string; children?: ReactNode }) {
  const id = useId();
  const tabs = Children.toArray(children).filter(
    (c): c is React.ReactElement<{ label: string; source?: string; children?: ReactNode }> => isValidElement(c) && c.type === CodeTab,
  );
  const chosen = chosenCodeTab.use();
  const selected = Math.max(0, tabs.findIndex((t) => t.props.label === chosen));
  const list = useRef<HTMLDivElement>(null);
  const setSelected = (i: number) => {
    if (list.current) steady.current = { list: list.current, top: list.current.getBoundingClientRect().top };
    chosenCodeTab.set(tabs[i].props.label);
  };
  useLayoutEffect(() => {
    const kept = steady.current;
    if (!kept || kept.list !== list.current) return;
    const moved = kept.list.getBoundingClientRect().top - kept.top;
    steady.current = null;
    if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
  }, [chosen]);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const select = (i: number) => {
    const n = (i + tabs.length) % tabs.length;
    setSelected(n);
    buttons.current[n]?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: selected + 1, ArrowLeft: selected - 1, Home: 0, End: tabs.length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      select(moves[e.key]);
    }
  };
  return (
    <div className="code-tabs">
      <div ref={list} role="tablist" aria-label={codeTabStrings.label} className="code-tabs-list" onKeyDown={onKey}>
        {tabs.map((t, i) => (
          <button
            key={i}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${i}`}
            aria-selected={i === selected}
            aria-controls={`${id}-panel-${i}`}
            tabIndex={i === selected ? 0 : -1}
            onClick={() => setSelected(i)}
          >
            {t.props.label}
          </button>
        ))}
      </div>
      {tabs.map((t, i) => (
        <div key={i} role="tabpanel" id={`${id}-panel-${i}`} aria-labelledby={`${id}-tab-${i}`} hidden={i !== selected} className="code-tabs-panel">
          {t.props.source ? (
            <p className="code-tabs-source">
              <Sentence text={codeTabStrings.from} parts={{ source: <code>{t.props.source}</code> }} />
            </p>
          ) : null}
          {t.props.children}
        </div>
      ))}
    </div>
  );
}
