// "In code" tabs: the engine's own source (taken from the file at build time, see
// build/remarkInCode.ts) beside the same thing in PyTorch and Keras. A WAI-ARIA tab list: arrow
// keys, Home and End move between tabs; every panel is in the page, so printing or reading without
// script still shows the first one.
import { Children, isValidElement, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Sentence } from './Sentence.tsx';
import { codeTabStrings } from './strings.ts';

export function CodeTab({ children }: { label: string; source?: string; children?: ReactNode }) {
  return <>{children}</>;
}

export function InCode({ children }: { source?: string; region?: string; children?: ReactNode }) {
  const id = useId();
  const tabs = Children.toArray(children).filter(
    (c): c is React.ReactElement<{ label: string; source?: string; children?: ReactNode }> => isValidElement(c) && c.type === CodeTab,
  );
  const [selected, setSelected] = useState(0);
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
      <div role="tablist" aria-label={codeTabStrings.label} className="code-tabs-list" onKeyDown={onKey}>
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
