// The race in words and table rows: where each racer is, how far above the minimum, how many steps
// it took, whether it has stopped and why. The text alternative of both plots and the table are
// written from these, so what a screen reader hears is what the picture shows. Pure.
import { fixed, NO_NUMBER, shortNumber, significant } from '../kit/format.ts';
import { lossText } from '../kit/training/strings.ts';
import { nearest, type Landscape, type Point } from './landscapes.ts';
import type { RaceView, RacerStatus, RacerView } from './race.ts';
import type { RacerKind } from './racers.ts';
import { raceStrings as s } from './strings.ts';

export interface RacerSummary {
  kind: RacerKind;
  name: string;
  rate: string;
  steps: number;
  at: Point;
  /** f − f_min (or f for a typed landscape) at its point, when finite. */
  loss: number | null;
  /** Distance to the nearest known minimum, or null. */
  distance: number | null;
  /** The step at which it first came within the race's target, or null. */
  reached: number | null;
  /** Why it stopped, or null while it runs. */
  stopped: Exclude<RacerStatus, 'running'> | null;
  status: string;
}

const coordinate = (v: number) => fixed(v, 2);
export const pointText = (p: Point) => s.point(coordinate(p[0]), coordinate(p[1]));

/** The step a racer stopped at (or took last), as the status says it. */
export function statusText(r: RacerView): string {
  const steps = r.trail.length - 1;
  switch (r.status) {
    case 'running':
      return s.status.running;
    case 'arrived':
      return s.status.arrived(steps);
    case 'diverged':
      // The step that would have left the plot is the next one.
      return s.status.diverged(steps + 1);
    case 'notFinite':
      return s.status.notFinite(steps);
  }
}

export function summarise(view: RaceView, landscape: Landscape): RacerSummary[] {
  return view.racers.map((r) => {
    const at = r.trail[r.trail.length - 1];
    const loss = r.losses.length === r.trail.length ? r.losses[r.losses.length - 1] : null;
    return {
      kind: r.kind,
      name: s.racerNames[r.kind],
      rate: shortNumber(r.lr),
      steps: r.trail.length - 1,
      at,
      loss,
      distance: nearest(landscape.minima, at)?.distance ?? null,
      reached: r.reached,
      stopped: r.status === 'running' ? null : r.status,
      status: statusText(r),
    };
  });
}

/** A loss as the figure writes it: f − f_min, or f where f_min is not known. */
export function lossValue(loss: number | null, known: boolean): string {
  const text = loss === null ? NO_NUMBER : lossText(loss);
  return known ? s.lossValue(text) : s.fValue(text);
}

export function distanceText(d: number | null): string {
  return d === null ? NO_NUMBER : significant(d, 3);
}

/** The contour map's text alternative: the surface, its marks, the start and every racer. */
export function mapDescription(landscape: Landscape, start: Point, racers: readonly RacerSummary[]): string {
  const { x, y } = landscape.extent;
  const marks = [
    landscape.minima.length ? s.minimaText(s.list(landscape.minima.map(pointText))) : s.noMinimaText,
    landscape.saddles.length ? s.saddleText(s.list(landscape.saddles.map(pointText))) : '',
  ].filter((m) => m !== '');
  const known = landscape.fMin !== null;
  return s.mapDescription(
    s.landscapeNames[landscape.name],
    s.formulas[landscape.name],
    s.region(shortNumber(x[0]), shortNumber(x[1]), shortNumber(y[0]), shortNumber(y[1])),
    s.sentences(marks),
    pointText(start),
    s.sentences(racers.map((r) => s.racerText(r.name, r.rate, r.steps, pointText(r.at), lossValue(r.loss, known), r.status))),
  );
}

/** The loss plot's text alternative: each racer's first and last value. */
export function lossDescription(view: RaceView | null): string {
  const described = (view?.racers ?? []).filter((r) => r.losses.length > 0);
  if (!described.length) return s.lossDescription(s.lossNoSteps);
  return s.lossDescription(s.sentences(described.map((r) => s.lossCurve(s.racerNames[r.kind], r.trail.length - 1, lossText(r.losses[0]), lossText(r.losses[r.losses.length - 1])))));
}
