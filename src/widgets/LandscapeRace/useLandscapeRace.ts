// The race's state for the view: the link's settings (a landscape brings its own start and rates;
// κ rescales the rates that depend on it), the landscape the settings name, its contour grid
// (computed once per landscape by the engine, never per step), and the race as a training job on
// the page. Everything handed out is plain data: the engine objects live in the job.
import { useMemo } from 'react';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useEngine, useTrainingJob } from '../kit/index.ts';
import { DEFAULT_STARTS, round2, suggestedRates, type LandscapeName, type Point } from './landscapes.ts';
import { landscapeFor, raceJob, type RaceConfig } from './raceJob.ts';
import { parseRacers, RACERS, type RacerKind } from './racers.ts';
import { landscapeRaceSchema, RATE_KEYS, type LandscapeRaceProps, type LandscapeRaceState } from './schema.ts';
import { contourLevels, surfaceValues } from './surface.ts';

/** The rates and start a landscape brings with it (a chapter's props or a link may override them). */
export function sceneOf(landscape: LandscapeName, condition: number): Partial<LandscapeRaceState> {
  const rates = suggestedRates(landscape, condition);
  const [startX, startY] = DEFAULT_STARTS[landscape];
  return { startX, startY, ...Object.fromEntries(RACERS.map((k) => [RATE_KEYS[k], rates[k]])) };
}

/** The chapter's state: its props over the scene of the landscape (and κ) it names. */
export function chapterState(props: LandscapeRaceProps): Partial<LandscapeRaceState> {
  const given = Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)) as Partial<LandscapeRaceState>;
  const { landscape, condition } = landscapeRaceSchema;
  return { ...sceneOf(given.landscape ?? landscape.default, given.condition ?? condition.default), ...given };
}

/** The update for a new κ: the rates that scale with 1/κ keep their product with κ. */
export function conditionUpdate(state: LandscapeRaceState, condition: number): Partial<LandscapeRaceState> {
  const scale = state.condition / condition;
  return {
    condition,
    lrSgd: round2(state.lrSgd * scale),
    lrMomentum: round2(state.lrMomentum * scale),
    lrNesterov: round2(state.lrNesterov * scale),
  };
}

/** The start, kept inside the plotted region. */
function clampStart(p: Point, extent: { x: readonly [number, number]; y: readonly [number, number] }): Point {
  const clamp = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v));
  return [clamp(p[0], extent.x), clamp(p[1], extent.y)];
}

export function useLandscapeRace(props: LandscapeRaceProps) {
  const [state, setState] = useWidgetState(landscapeRaceSchema, chapterState(props));
  const { landscape: name, condition, expression } = state;
  const racers = useMemo(() => parseRacers(state.racers), [state.racers]);
  // The valley's κ and the typed text matter only to their own landscape.
  const kappa = name === 'valley' ? condition : 0;
  const text = name === 'typed' ? expression : '';
  const resolved = useMemo(() => landscapeFor({ landscape: name, condition: kappa, expression: text }), [name, kappa, text]);
  const landscape = resolved.ok ? resolved.landscape : null;
  const start = landscape ? clampStart([state.startX, state.startY], landscape.extent) : null;

  // The job rebuilds when the configuration changes by content (a new start, rate or racer).
  const config: RaceConfig | null =
    start && racers.length ? { landscape: name, condition: kappa, expression: text, start, racers: racers.map((kind) => ({ kind, lr: state[RATE_KEYS[kind]] })) } : null;
  const job = useTrainingJob(raceJob, { config, where: 'page' });

  // The contour grid: once per landscape (the landscape is memoised by its setting), once the engine is ready.
  const engine = useEngine();
  const surface = useMemo(() => {
    if (!engine.ready || !landscape) return null;
    const values = surfaceValues(landscape);
    return { values, levels: contourLevels(values, landscape.fMin) };
  }, [engine.ready, landscape]);

  const setLandscape = (next: LandscapeName) => setState({ landscape: next, ...sceneOf(next, condition) });
  const setCondition = (next: number) => setState((s) => conditionUpdate(s, next));
  const applySuggested = () => setState((s) => ({ ...sceneOf(s.landscape, s.condition), startX: s.startX, startY: s.startY }));
  const setRacer = (kind: RacerKind, on: boolean) =>
    setState((s) => {
      const now = parseRacers(s.racers);
      return { racers: RACERS.filter((k) => (k === kind ? on : now.includes(k))).join(',') };
    });

  return {
    state,
    setState,
    racers,
    landscape,
    problem: resolved.ok ? null : resolved,
    start,
    surface,
    job,
    /** The race's picture; none while the settings cannot make a race (no racer, a bad expression). */
    view: config ? job.view : null,
    setLandscape,
    setCondition,
    applySuggested,
    setRacer,
  };
}
