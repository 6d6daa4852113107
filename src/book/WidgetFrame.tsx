// The frame every widget sits in: a title, its tools (FrameTools: compute badge, present, copy link, reset), a
// lazy-load boundary (the widget loads when the frame nears the window) whose fallback already has
// the widget's size and title (so nothing jumps when the code arrives), and an error boundary that
// says what went wrong and offers a reset.
//
// The frame also carries the figure's link: "Copy link" writes the state of this widget (kept by
// `useWidgetState`) into the page's URL and copies it; reset removes it again; and whatever a
// malformed link had wrong is said in a notice above the figure.
//
// `defineWidget({ name, title, height, load })` returns the component a chapter uses by name
// (through the component map). The widget itself receives its MDX props plus `{ presenting }`.
import {
  Component,
  lazy,
  Suspense,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentType,
  type CSSProperties,
  type ErrorInfo,
  type LazyExoticComponent,
  type ReactNode,
  type RefObject,
} from 'react';
import { FrameTools } from './FrameTools.tsx';
import { useDrawnScale } from './figureScale.ts';
import { useOnScreen } from './useOnScreen.ts';
import { Sentence } from './Sentence.tsx';
import { frameStrings } from './strings.ts';
import { frameElementId, WIDGET_ID } from './urlState.ts';
import { HeldFigureContext, useFrameLink, WidgetLinkContext } from './useWidgetState.ts';

/** What the frame adds to a widget's own props. */
export interface WidgetRenderProps {
  /** True while the widget is shown full-screen for a class: use larger type and controls. */
  presenting: boolean;
}

export interface WidgetDefinition<P extends object> {
  /** Component name, as written in chapters (`<DecisionBoundary />`) and in `data-widget`. */
  name: string;
  /** The title, read from a catalogue when the frame renders (so in the page's locale). */
  title: () => string;
  /**
   * The height in CSS pixels the widget's body takes once loaded, reserved before it loads so that
   * nothing below it moves: one number, or one for screens up to 600 px wide (`narrow`, where
   * controls stack) and one for wider ones.
   */
  height: Reserve;
  load: () => Promise<{ default: ComponentType<P & WidgetRenderProps> }>;
}

/** How far outside the window a figure starts loading: a screen above and below. */
const NEAR_WINDOW = '100% 0px';

function ShareFallback({ url, labelId }: { url: string; labelId: string }) {
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [url]);
  return (
    <p className="widget-share-fallback">
      <label htmlFor={labelId}>{frameStrings.copyManually}</label>{' '}
      <input id={labelId} ref={field} type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
    </p>
  );
}

interface BoundaryProps {
  onReset: () => void;
  children: ReactNode;
}

class WidgetErrorBoundary extends Component<BoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Shown in the page; logged as a warning with the component stack for whoever debugs it.
    console.warn(`Widget error: ${error.message}`, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="widget-error" data-widget-error="" role="alert">
        <p>
          <Sentence text={frameStrings.failed} parts={{ error: <strong>{this.state.error.message || this.state.error.name}</strong> }} />
        </p>
        <button type="button" onClick={this.props.onReset}>
          {frameStrings.failedReset}
        </button>
      </div>
    );
  }
}

/** A widget's reserved height: one for every screen, or one narrow and one wide. */
export type Reserve = number | { wide: number; narrow: number };

/** The reserve as the CSS custom properties widgets.css sizes the body and its placeholder by. */
function reserveStyle(height: Reserve): CSSProperties {
  const { wide, narrow } = typeof height === 'number' ? { wide: height, narrow: height } : height;
  return { '--reserve-wide': `${wide}px`, '--reserve-narrow': `${narrow}px` } as CSSProperties;
}

function LoadingFallback({ title }: { title: string }) {
  return (
    <div className="widget-loading" data-widget-loading="" aria-busy="true">
      <p>
        <span className="visually-hidden">{frameStrings.loadingNamed(title)}</span>
        <span aria-hidden="true">{frameStrings.loading}</span>
      </p>
    </div>
  );
}

type PresentMode = null | 'fullscreen' | 'css';

/** Full-screen via the Fullscreen API, else a fixed overlay; Esc leaves either. */
function usePresentMode(target: RefObject<HTMLElement | null>) {
  const [mode, setMode] = useState<PresentMode>(null);

  const leave = useCallback(() => {
    if (typeof document !== 'undefined' && document.fullscreenElement && document.fullscreenElement === target.current) {
      document.exitFullscreen().catch(() => undefined);
    }
    setMode(null);
  }, [target]);

  const enter = useCallback(async () => {
    const element = target.current;
    if (!element) return;
    if (document.fullscreenEnabled && typeof element.requestFullscreen === 'function') {
      try {
        await element.requestFullscreen();
        setMode('fullscreen');
        return;
      } catch {
        // Refused (no user gesture, an iframe without permission): fall back to the overlay.
      }
    }
    setMode('css');
  }, [target]);

  useEffect(() => {
    if (mode === null) return;
    const onFullscreenChange = () => {
      if (mode === 'fullscreen' && document.fullscreenElement !== target.current) setMode(null);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        leave();
      }
    };
    document.addEventListener('fullscreenchange', onFullscreenChange);
    document.addEventListener('keydown', onKey);
    if (mode === 'css') document.documentElement.classList.add('has-presenting-widget');
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      document.removeEventListener('keydown', onKey);
      document.documentElement.classList.remove('has-presenting-widget');
    };
  }, [mode, leave, target]);

  return { mode, enter, leave };
}

interface FrameProps<P extends object> {
  name: string;
  /** The chapter's name for this figure (`id="decision-line"`), used in its links. */
  named?: string;
  title: string;
  height: Reserve;
  widget: LazyExoticComponent<ComponentType<P & WidgetRenderProps>>;
  widgetProps: P;
}

export function WidgetFrame<P extends object>({ name, named, title, height, widget: Widget, widgetProps }: FrameProps<P>) {
  const sectionRef = useRef<HTMLElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  useDrawnScale(bodyRef);
  const titleId = useId();
  const shareFieldId = useId();
  const [resetCount, setResetCount] = useState(0);
  // The widget is an island: its code loads, and it starts computing, only once the frame comes
  // within a screen of the window (at once in a lecture deck, which shows one figure). The
  // pre-rendered page and the first client render both show the fallback, so they match, and a
  // reader who never scrolls to a figure downloads and runs none of it. Once started it stays.
  const [hydrated, setHydrated] = useState(false);
  const near = useOnScreen(sectionRef, NEAR_WINDOW);
  const { mode, enter, leave } = usePresentMode(sectionRef);
  // A lecture deck presents its figure itself: present mode's sizes, without the frame's own button.
  const deckPresenting = useContext(HeldFigureContext)?.presenting === true;
  const presenting = mode !== null || deckPresenting;
  const mounted = hydrated && (near || presenting);

  useEffect(() => setHydrated(true), []);

  const { instanceId, link, notices, shared, share, dismiss, forget } = useFrameLink(sectionRef, name, named);
  const reset = useCallback(() => {
    forget();
    setResetCount((n) => n + 1);
  }, [forget]);

  return (
    <section
      ref={sectionRef}
      className="widget"
      id={named ? frameElementId(named) : instanceId ? frameElementId(instanceId) : undefined}
      data-widget={name}
      data-presenting={mode ?? (deckPresenting ? 'deck' : undefined)}
      aria-labelledby={titleId}
    >
      <header className="widget-header">
        <h3 className="widget-title" id={titleId}>
          {title}
        </h3>
        <FrameTools
          started={mounted}
          presenting={presenting}
          deckPresenting={deckPresenting}
          onPresent={() => (presenting ? leave() : void enter())}
          onShare={() => void share()}
          onReset={reset}
        />
      </header>
      <div className="widget-notices" role="status" data-widget-notices="">
        {notices.length || shared ? (
          <>
            {notices.map((notice, i) => (
              <p key={i} className="widget-notice" data-link-notice={notice.key ?? ''}>
                {notice.message}
              </p>
            ))}
            {shared?.copied ? <p className="widget-notice">{frameStrings.copied}</p> : null}
            {shared && !shared.copied ? <ShareFallback url={shared.url} labelId={shareFieldId} /> : null}
            <button type="button" data-action="dismiss" title={frameStrings.dismissHint} onClick={dismiss}>
              {frameStrings.dismiss}
            </button>
          </>
        ) : null}
      </div>
      <div className="widget-body" ref={bodyRef} style={reserveStyle(height)}>
        {mounted && instanceId ? (
          <WidgetErrorBoundary key={resetCount} onReset={reset}>
            <WidgetLinkContext value={link}>
              <Suspense fallback={<LoadingFallback title={title} />}>
                <Widget {...widgetProps} presenting={presenting} />
              </Suspense>
            </WidgetLinkContext>
          </WidgetErrorBoundary>
        ) : (
          <LoadingFallback title={title} />
        )}
      </div>
    </section>
  );
}

/** What a chapter may add to a widget's own props: a name for the figure, used in its links. */
export interface FigureName {
  /** Lowercase words joined by dashes (`WIDGET_ID`), unique in the chapter. */
  id?: string;
}

/** A widget for the component map: its code is a separate chunk, loaded when a page shows it. */
export function defineWidget<P extends object = Record<string, never>>(definition: WidgetDefinition<P>): ComponentType<P & FigureName> {
  const LazyWidget = lazy(definition.load);
  function DefinedWidget({ id, ...props }: P & FigureName) {
    // The chapter checker refuses a malformed name; were one to get through, the figure keeps its positional links.
    const named = id !== undefined && WIDGET_ID.test(id) ? id : undefined;
    if (id !== undefined && !named) console.warn(`Widget ${definition.name}: the id "${id}" is not lowercase words joined by dashes; ignored`);
    return (
      <WidgetFrame<P>
        name={definition.name}
        named={named}
        title={definition.title()}
        height={definition.height}
        widget={LazyWidget}
        widgetProps={props as unknown as P}
      />
    );
  }
  DefinedWidget.displayName = definition.name;
  return DefinedWidget;
}
