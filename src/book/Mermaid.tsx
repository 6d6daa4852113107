// A Mermaid diagram from a ```mermaid fence. Mermaid (~750 KB) is fetched only when a diagram comes
// near the window (so a page's first paint never waits for it), drawn in the current theme and
// redrawn when the theme changes. Before it is drawn (and in the pre-rendered HTML) the diagram's
// source shows; if it cannot be drawn, a readable message replaces it, never a blank. In the built
// site the source is not in the chapter's script: it is read from the page (fixed markup `k`).
import { useEffect, useRef, useState } from 'react';
import { beginPageTask } from './pageReady.ts';
import { Sentence } from './Sentence.tsx';
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

type Result = { ok: true; svg: string } | { ok: false; message: string };

export function Mermaid({ chart: given, k }: { chart?: string; k?: number }) {
  const chart = useFixedText(given, k) ?? '';
  const theme = useTheme();
  const [result, setResult] = useState<Result | null>(null);
  const finishTask = useRef<(() => void) | null>(null);
  const canvas = useRef<HTMLDivElement>(null);
  // A screen's height ahead, so the diagram is usually drawn before the reader reaches it.
  const near = useOnScreen(canvas, '100% 0px');

  // Once the diagram is near, the page is not ready until it is drawn or has failed.
  useEffect(() => {
    if (!near) return;
    const finish = beginPageTask();
    finishTask.current = finish;
    return finish;
  }, [near]);

  useEffect(() => {
    if (result) finishTask.current?.();
  }, [result]);

  useEffect(() => {
    if (!theme || !near) return;
    let live = true;
    drawDiagram(chart, theme).then(
      (svg) => live && setResult({ ok: true, svg }),
      (error: unknown) => live && setResult({ ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [chart, theme, near]);

  const rendered = result === null ? 'false' : result.ok ? 'true' : 'error';
  return (
    <figure className="diagram">
      <div ref={canvas} data-mermaid="" data-rendered={rendered} className="diagram-canvas">
        {result?.ok ? (
          <div className="diagram-svg" dangerouslySetInnerHTML={{ __html: result.svg }} />
        ) : result ? (
          <div className="diagram-error" role="alert">
            <p>
              <Sentence text={s.diagramFailed} parts={{ error: result.message }} />
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
