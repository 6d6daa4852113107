// A Mermaid diagram from a ```mermaid fence. Mermaid (~750 KB) is fetched only when a diagram comes
// near the window (so a page's first paint never waits for it), drawn in the current theme and
// redrawn when the theme changes. Before it is drawn (and in the pre-rendered HTML) the diagram's
// source shows; if it cannot be drawn, a readable message replaces it, never a blank. In the built
// site the source is not in the chapter's script: it is read from the page (fixed markup `k`).
//
// A diagram is scaled down to fit its column, but its words stay at 12 px or more (Mermaid writes
// them at 16 px): a flowchart too wide for that which runs left to right is also drawn top to bottom,
// as on a phone, and the narrower drawing is shown; one still too wide keeps that scale and scrolls
// sideways in its frame. A flowchart's width as written is kept in the browser, so that one known to
// be too wide is drawn turned only, not twice, on a later visit.
import { useEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { beginPageTask } from './pageReady.ts';
import { Sentence } from './Sentence.tsx';
import { storedValue } from './stored.ts';
import { useFixedText } from './StaticHtml.tsx';
import { contentStrings as s } from './strings.ts';
import { useOnScreen } from './useOnScreen.ts';
import { useTheme, type Theme } from './theme.ts';

type MermaidApi = typeof import('mermaid').default;

let mermaidPromise: Promise<MermaidApi> | null = null;
let diagramCount = 0;
// Mermaid keeps one global configuration: draw one diagram at a time so each gets its own theme.
let drawQueue: Promise<unknown> = Promise.resolve();

function loadMermaid(): Promise<MermaidApi> {
  mermaidPromise ??= import('mermaid').then((module) => module.default);
  mermaidPromise.catch(() => {
    mermaidPromise = null;
  });
  return mermaidPromise;
}

function drawDiagram(chart: string, theme: Theme): Promise<string> {
  const run = drawQueue.then(async () => {
    const mermaid = await loadMermaid();
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: theme === 'dark' ? 'dark' : 'default',
      // The dark theme's grey edge-label background gives its light text less than 4.5:1 contrast.
      themeVariables: theme === 'dark' ? { edgeLabelBackground: '#1d2128' } : {},
      // Mermaid's own "syntax error" picture would be appended to the page; we show a message instead.
      suppressErrorRendering: true,
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    });
    diagramCount += 1;
    const { svg } = await mermaid.render(`mermaid-diagram-${diagramCount}`, chart);
    return svg;
  });
  drawQueue = run.catch(() => undefined);
  return run;
}

/** The smallest scale a diagram is drawn at: Mermaid's 16-px words at 12 px. */
const MIN_SCALE = 12 / 16;

/**
 * A flowchart that runs across, turned to run down the page (left to right → top to bottom): its
 * steps keep their order. Null for one that already runs down, and for one with subgraphs, whose
 * parts would change places (and whose text may say which is on the left).
 */
export function turnedFlowchart(chart: string): string | null {
  const head = /^(\s*(?:flowchart|graph)\s+)(LR|RL)\b/m.exec(chart);
  if (!head || /^\s*subgraph\b/m.test(chart)) return null;
  return chart.replace(head[0], head[1] + (head[2] === 'LR' ? 'TB' : 'BT'));
}

/** The width a drawing has at full size: its viewBox's. */
export function fullWidth(svg: string): number {
  const m = /viewBox="[-\d.e]+ [-\d.e]+ ([\d.e]+) [\d.e]+"/.exec(svg);
  return m ? Number(m[1]) : 0;
}

/** The width of an element's box, kept up to date; 0 until measured. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

type Drawn = { ok: true; svg: string; width: number } | { ok: false; message: string };

/**
 * Each flowchart's full width as written, once drawn (the same in both themes): drawn again in a
 * column too narrow for it (in the other theme, on a return to its page, on a later visit to the
 * book in this browser), it is drawn turned only. Kept in this browser under a hash of the chart.
 */
const writtenWidths = new Map<string, number>();
/** Most widths kept in the browser: the book's flowcharts, with room for those of earlier editions. */
const KEPT_WIDTHS = 100;
const keptWidths = storedValue<Record<string, number>>('dll-diagram-widths', {}, (text) => {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1]) && e[1] > 0));
  } catch {
    return undefined;
  }
}, JSON.stringify);

/** A short key for a chart: its length and a 32-bit FNV-1a hash of its text. */
export function chartKey(chart: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < chart.length; i++) hash = Math.imul(hash ^ chart.charCodeAt(i), 0x01000193) >>> 0;
  return `${chart.length.toString(36)}-${hash.toString(36)}`;
}

function knownWidth(chart: string): number | undefined {
  return writtenWidths.get(chart) ?? keptWidths.get()[chartKey(chart)];
}

function keepWidth(chart: string, width: number): void {
  writtenWidths.set(chart, width);
  const key = chartKey(chart);
  const kept = keptWidths.get();
  if (kept[key] === width) return;
  // The newest last; the oldest go first once there are too many.
  const entries = Object.entries(kept).filter(([k]) => k !== key);
  keptWidths.set(Object.fromEntries([...entries.slice(Math.max(0, entries.length - KEPT_WIDTHS + 1)), [key, width]]));
}

function drawn(chart: string, theme: Theme): Promise<Drawn> {
  return drawDiagram(chart, theme).then(
    (svg): Drawn => ({ ok: true, svg, width: fullWidth(svg) }),
    (error: unknown): Drawn => ({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
}

export function Mermaid({ chart: given, k }: { chart?: string; k?: number }) {
  const chart = useFixedText(given, k) ?? '';
  const theme = useTheme();
  const [result, setResult] = useState<Drawn | null>(null);
  // The same flowchart run down the page, drawn only where the column is too narrow for it as written.
  const [down, setDown] = useState<Drawn | null>(null);
  const finishTask = useRef<(() => void) | null>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const column = useWidth(canvas);
  // A screen's height ahead, so the diagram is usually drawn before the reader reaches it.
  const near = useOnScreen(canvas, '100% 0px');

  // Once the diagram is near, the page is not ready until it is drawn or has failed.
  useEffect(() => {
    if (!near) return;
    const finish = beginPageTask();
    finishTask.current = finish;
    return finish;
  }, [near]);

  const turned = turnedFlowchart(chart);
  const known = knownWidth(chart);
  // Known to be too wide as written: not drawn that way again (unless the turned drawing failed).
  const skipWritten = turned !== null && column > 0 && known !== undefined && known * MIN_SCALE > column && !(down !== null && !down.ok);
  useEffect(() => {
    if (!theme || !near || skipWritten) return;
    let live = true;
    void drawn(chart, theme).then((d) => {
      if (d.ok) keepWidth(chart, d.width);
      if (live) setResult(d);
    });
    return () => {
      live = false;
    };
  }, [chart, theme, near, skipWritten]);

  const written = result?.ok ? result : null;
  const widthAsWritten = written?.width ?? known;
  const tooWide = turned !== null && column > 0 && widthAsWritten !== undefined && widthAsWritten * MIN_SCALE > column;
  useEffect(() => {
    if (!tooWide || !theme || !turned) return;
    let live = true;
    void drawn(turned, theme).then((d) => live && setDown(d));
    return () => {
      live = false;
    };
  }, [tooWide, turned, theme]);

  // Too wide as written: the narrower of the two drawings, once both are here (each keeps showing
  // in the old theme until redrawn in the new one).
  const shown: Drawn | null = !tooWide ? result : down === null ? null : down.ok && (written === null || down.width < written.width) ? down : result;
  useEffect(() => {
    if (shown) finishTask.current?.();
  }, [shown]);

  // Words under 12 px otherwise: the drawing keeps that scale and its frame scrolls sideways.
  const minWidth = shown?.ok ? Math.round(shown.width * MIN_SCALE) : 0;
  const scrolls = column > 0 && minWidth > column;
  const rendered = shown === null ? 'false' : shown.ok ? 'true' : 'error';
  return (
    <figure className="diagram">
      <div ref={canvas} data-mermaid="" data-rendered={rendered} className="diagram-canvas">
        {shown?.ok ? (
          <div
            className="diagram-svg"
            style={{ '--diagram-min-width': `${minWidth}px` } as CSSProperties}
            tabIndex={scrolls ? 0 : undefined}
            role={scrolls ? 'group' : undefined}
            aria-label={scrolls ? s.wideDiagram : undefined}
            dangerouslySetInnerHTML={{ __html: shown.svg }}
          />
        ) : shown ? (
          <div className="diagram-error" role="alert">
            <p>
              <Sentence text={s.diagramFailed} parts={{ error: shown.message }} />
            </p>
            <pre>{chart}</pre>
          </div>
        ) : (
          <pre className="diagram-source" aria-label={s.diagramDrawing} data-s={k}>
            {chart}
          </pre>
        )}
      </div>
    </figure>
  );
}
