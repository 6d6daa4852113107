// The race as a training job, the one way the figure trains: built from the landscape, the start
// and the racers with their rates, stepped on the page one step a frame (the race is meant to be
// watched), with a picture every frame. No racer's divergence stops the job: each racer stops on
// its own (race.ts), and the job ends when none is left running or at its most steps.
import type { JobDefinition } from '../../models/training/job.ts';
import { maxStepsOf, namedLandscape, type Landscape, type LandscapeName, type Point } from './landscapes.ts';
import { Race, type RaceView, type RacerSetting } from './race.ts';
import { landscapeFromText } from './typedLandscape.ts';

export interface LandscapeSetting {
  landscape: LandscapeName;
  /** The valley's κ (ignored by the others). */
  condition: number;
  /** The typed expression (ignored by the others). */
  expression: string;
}

export interface RaceConfig extends LandscapeSetting {
  start: Point;
  racers: RacerSetting[];
}

export type LandscapeResult = { ok: true; landscape: Landscape } | { ok: false; message: string; position: number };

/** The landscape a setting names, or why a typed one cannot be read. */
export function landscapeFor({ landscape, condition, expression }: LandscapeSetting): LandscapeResult {
  return landscape === 'typed' ? landscapeFromText(expression) : { ok: true, landscape: namedLandscape(landscape, condition) };
}

export const raceJob: JobDefinition<RaceConfig, undefined, RaceView> = {
  name: 'landscape-race',
  maxSteps: (config) => maxStepsOf(config.landscape),
  // The job's loss is the best racer's; a racer that diverges stops alone (race.ts).
  divergenceFactor: Infinity,
  maxStepsPerTick: 1,
  snapshotEveryMs: 0,
  build(config) {
    const resolved = landscapeFor(config);
    if (!resolved.ok) throw new Error(resolved.message);
    const race = new Race(resolved.landscape, config.start, config.racers);
    return {
      step: () => race.step(),
      keep: () => race.keep(),
      view: () => race.view(),
      finished: () => !race.running(),
      dispose: () => race.dispose(),
    };
  },
};
