// A widget's state, declared once by a schema (src/book/urlState.ts), started from the chapter's
// props, overridden by the page's link, and handed to the frame so that "Copy link" can write it.
//
//   const schema = { weight: number({ min: -3, max: 3, step: 0.1, default: 1 }) };  // module level
//   const [state, setState, notices] = useWidgetState(schema, { weight: props.weight });
//
// The frame shows the notices (what a malformed link had wrong) itself; a widget may also use them.
// `useFrameLink` is the frame's side: the instance id, the link as opened, "Copy link" and reset.
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { addressInStep } from './addressInStep.ts';
import {
  applyUpdate,
  decodeState,
  encodeState,
  frameElementId,
  initialState,
  instanceIdOf,
  readParam,
  repairQuery,
  widgetParamName,
  withParam,
  type LinkNotice,
  type Schema,
  type StateOf,
} from './urlState.ts';

/** What the widget frame offers the widget inside it. */
export interface WidgetLink {
  /** This instance's id (the chapter's name for it, or `ControlsLab.0`), or null while it is not known yet. */
  instanceId: string | null;
  /** This instance's parameter in the link the page was opened with (still encoded), or null. */
  linkValue: string | null;
  /** Set by the hook: the current state as a link parameter's value. */
  source: { current: (() => string) | null };
  /** The notices about the link this widget was opened with (replaces earlier ones). */
  report(notices: LinkNotice[]): void;
}

export const WidgetLinkContext = createContext<WidgetLink | null>(null);

/**
 * A page that keeps its figures' states itself instead of in the address bar (a lecture deck's
 * scene): the state the figure opens with, the getter of its current state, the figure's own
 * address for "Copy link", and whether the page is presenting it.
 */
export interface HeldFigure {
  /** The state to open with, as a link parameter's value, or null for the chapter's. */
  linkValue: string | null;
  /** Receives the getter of the figure's current state, as `WidgetLink.source` does. */
  source: { current: (() => string) | null };
  /** The figure's address in its chapter, opening in this state. */
  shareUrl(encoded: string | null): string;
  presenting: boolean;
}

export const HeldFigureContext = createContext<HeldFigure | null>(null);

export type StateUpdate<S extends Schema> = Partial<StateOf<S>> | ((state: StateOf<S>) => Partial<StateOf<S>>);

function startState<S extends Schema>(schema: S, initial: Partial<StateOf<S>> | undefined, link: WidgetLink | null) {
  const chapter = initialState(schema, initial);
  // A chapter's own props out of range are the author's mistake, not the reader's: said in the console.
  for (const problem of chapter.problems) console.warn(`Widget state: ${problem}`);
  const raw = link?.linkValue ?? null;
  return raw === null ? { state: chapter.state, notices: [] as LinkNotice[] } : decodeState(schema, raw, chapter.state);
}

/**
 * The widget's state and its setter (a partial update or a function of the state; every value is
 * checked against the schema, so the state always fits it) and the notices about the link. The
 * schema and `initial` are read when the widget mounts; the frame's reset mounts it again.
 */
export function useWidgetState<S extends Schema>(
  schema: S,
  initial?: Partial<StateOf<S>>,
): [StateOf<S>, (update: StateUpdate<S>) => void, LinkNotice[]] {
  const link = useContext(WidgetLinkContext);
  const [start] = useState(() => startState(schema, initial, link));
  const [state, setRawState] = useState(start.state);
  const schemaRef = useRef(schema);
  const stateRef = useRef(state);
  stateRef.current = state;

  const setState = useCallback((update: StateUpdate<S>) => {
    setRawState((prev) => applyUpdate(schemaRef.current, prev, typeof update === 'function' ? update(prev) : update));
  }, []);

  useEffect(() => {
    if (!link) return;
    link.source.current = () => encodeState(schemaRef.current, stateRef.current);
    if (start.notices.length) link.report(start.notices);
    return () => {
      link.source.current = null;
    };
  }, [link, start]);

  // With the address bar in step (addressInStep.ts), the state is written there a moment after it
  // changes: the figure's parameter, or none when the figure is as its chapter set it.
  const inStep = addressInStep.use();
  const held = useContext(HeldFigureContext);
  const chapterState = useMemo(() => encodeState(schema, initialState(schema, initial).state), []); // eslint-disable-line react-hooks/exhaustive-deps -- read once, as the start state is
  useEffect(() => {
    const id = link?.instanceId;
    if (!inStep || !id || held) return;
    const timer = window.setTimeout(() => {
      const encoded = encodeState(schemaRef.current, state);
      const search = withParam(location.search, widgetParamName(id), encoded === chapterState ? null : encoded);
      if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    }, 250);
    return () => window.clearTimeout(timer);
  }, [inStep, held, link?.instanceId, state, chapterState]);

  return [state, setState, start.notices];
}

// ---------------------------------------------------------------------------------------------
// The frame's side

/** The result of "Copy link": copied to the clipboard, or to be copied by hand from a field. */
export type ShareResult = null | { copied: boolean; url: string };

/** Query strings this page repaired, mapped to the one opened, which every other frame reads. */
const repairedQueries = new Map<string, string>();

/** Writes the widget's state and position into the address bar; returns the full URL. */
function writeLink(instanceId: string, encoded: string | null): string {
  const search = withParam(location.search, widgetParamName(instanceId), encoded);
  history.replaceState(history.state, '', `${location.pathname}${search}#${frameElementId(instanceId)}`);
  return location.href;
}

/** Removes the widget's state from the address bar, keeping everything else (other figures, #anchor). */
function clearLink(instanceId: string): void {
  const search = withParam(location.search, widgetParamName(instanceId), null);
  if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
}

/**
 * Everything the frame at `sectionRef` does with links: its instance id (set as the element's
 * id too), the context for the widget, the notices, "Copy link" (`share`), `dismiss`, and
 * `forget`, which a reset calls so the widget comes back in the chapter's state.
 */
export function useFrameLink(sectionRef: RefObject<HTMLElement | null>, name: string, named?: string) {
  const [instanceId, setInstanceId] = useState<string | null>(null);
  const [linkValue, setLinkValue] = useState<string | null>(null);
  const [notices, setNotices] = useState<LinkNotice[]>([]);
  const [shared, setShared] = useState<ShareResult>(null);
  const held = useContext(HeldFigureContext);
  const ownSource = useRef<(() => string) | null>(null);
  const source = held?.source ?? ownSource;

  // The instance id is the name the chapter gave the frame, else its index among the page's frames
  // of the same component. It is set on the element before the page scrolls to its #anchor (a
  // parent's effect).
  useLayoutEffect(() => {
    const section = sectionRef.current;
    if (!section) return;
    const same = [...document.querySelectorAll('[data-widget]')].filter((el) => el.getAttribute('data-widget') === name);
    const positional = instanceIdOf(name, Math.max(0, same.indexOf(section)));
    const id = named ?? positional;
    section.id = frameElementId(id);
    setInstanceId(id);
    // A held figure's state is the page's, and the address bar is left alone.
    if (held) {
      setLinkValue(held.linkValue);
      return;
    }
    // The link as opened is kept for the widget; the address bar gets a copy the engine can read
    // (this runs before the engine's code is fetched).
    const opened = repairedQueries.get(location.search) ?? location.search;
    const own = readParam(opened, widgetParamName(id));
    const old = named && own === null ? readParam(opened, widgetParamName(positional)) : null;
    setLinkValue(own ?? old);
    let search = repairQuery(location.search);
    let hash = location.hash;
    if (named) {
      // A link from before the figure had a name opens it all the same, and the address bar
      // shows the link as it is written now.
      const repairedOld = readParam(search, widgetParamName(positional));
      if (old !== null && repairedOld !== null) {
        search = withParam(withParam(search, widgetParamName(positional), null), widgetParamName(id), repairedOld);
      }
      if (hash === `#${frameElementId(positional)}`) hash = `#${frameElementId(id)}`;
    }
    if (search !== location.search || hash !== location.hash) {
      if (search !== location.search) repairedQueries.set(search, opened);
      history.replaceState(history.state, '', `${location.pathname}${search}${hash}`);
    }
  }, [sectionRef, name, named, held]);

  const link = useMemo<WidgetLink>(() => ({ instanceId, linkValue, source, report: setNotices }), [instanceId, linkValue, source]);

  const forget = useCallback(() => {
    // A held figure's reset goes back to the state the page gave it.
    if (instanceId && !held) clearLink(instanceId);
    if (!held) setLinkValue(null);
    setNotices([]);
    setShared(null);
  }, [instanceId, held]);

  const share = useCallback(async () => {
    if (!instanceId) return;
    const url = held ? held.shareUrl(source.current?.() ?? null) : writeLink(instanceId, source.current?.() ?? null);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setShared({ copied: true, url });
    } catch {
      // Refused (no permission, an insecure page, an old browser): the reader copies it by hand.
      setShared({ copied: false, url });
    }
  }, [instanceId, held, source]);

  const dismiss = useCallback(() => {
    setNotices([]);
    setShared(null);
  }, []);

  return { instanceId, link, notices, shared, share, dismiss, forget };
}
