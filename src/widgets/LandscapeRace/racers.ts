// The six racers: each is one of the engine's own optimisers (../../models/training/
// optimizerChoice.ts), built on a racer's two-element parameter (x, y). Which racers run is a comma
// list ("sgd,momentum,adam") in the figure's link.
import { OPTIMIZER_KINDS, type OptimizerKind } from '../../models/training/optimizerChoice.ts';

export const RACERS = OPTIMIZER_KINDS;
export type RacerKind = OptimizerKind;

const isRacer = (s: string): s is RacerKind => (RACERS as readonly string[]).includes(s);

/** The racers a comma list names, once each and in the figure's order; unknown names are left out. */
export function parseRacers(list: string): RacerKind[] {
  const named = new Set(
    list
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(isRacer),
  );
  return RACERS.filter((r) => named.has(r));
}

/** A set of racers as the link writes it. */
export function racersText(racers: readonly RacerKind[]): string {
  return RACERS.filter((r) => racers.includes(r)).join(',');
}
