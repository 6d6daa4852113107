// Everything the race's link holds, declared once: the landscape (with κ or the typed expression),
// the start, which racers run, and each racer's learning rate. The defaults are the valley's scene
// with κ = 10; a chapter naming another landscape gets that landscape's start and rates
// (useLandscapeRace.ts) unless it gives its own.
import { choice, number, text, type StateOf } from '../../book/urlState.ts';
import { MAX_LENGTH } from '../kit/expression/parse.ts';
import { CONDITION_RANGE, DEFAULT_STARTS, LANDSCAPES, suggestedRates } from './landscapes.ts';
import { RACERS, type RacerKind } from './racers.ts';
import { raceStrings as s } from './strings.ts';

/** Each racer's learning rate in the link. */
export const RATE_KEYS = {
  sgd: 'lrSgd',
  momentum: 'lrMomentum',
  nesterov: 'lrNesterov',
  rmsprop: 'lrRmsprop',
  adam: 'lrAdam',
  adamw: 'lrAdamw',
} as const satisfies Record<RacerKind, string>;

/** The range of every rate (a log-scale slider). */
export const RATE_RANGE: readonly [number, number] = [1e-5, 2];
/** The range of a start's coordinates: every landscape's region lies inside it. */
export const START_RANGE: readonly [number, number] = [-5, 5];
/** The valley turned by 45°, κ = 10: the typed landscape's first expression. */
export const DEFAULT_EXPRESSION = '((x + y)^2 + 10*(x - y)^2)/4';

const DEFAULT_CONDITION = 10;
const rates = suggestedRates('valley', DEFAULT_CONDITION);
const rate = (kind: RacerKind) => number({ min: RATE_RANGE[0], max: RATE_RANGE[1], default: rates[kind], label: () => s.linkLabels.rate(s.racerNames[kind]) });
const coordinate = (value: number, label: () => string) => number({ min: START_RANGE[0], max: START_RANGE[1], step: 0.01, default: value, label });

export const landscapeRaceSchema = {
  landscape: choice(LANDSCAPES, 'valley', () => s.linkLabels.landscape),
  condition: number({ min: CONDITION_RANGE[0], max: CONDITION_RANGE[1], step: 1, default: DEFAULT_CONDITION, label: () => s.linkLabels.condition }),
  expression: text({ maxLength: MAX_LENGTH, default: DEFAULT_EXPRESSION, label: () => s.linkLabels.expression }),
  startX: coordinate(DEFAULT_STARTS.valley[0], () => s.linkLabels.startX),
  startY: coordinate(DEFAULT_STARTS.valley[1], () => s.linkLabels.startY),
  racers: text({ maxLength: 80, default: RACERS.join(','), label: () => s.linkLabels.racers }),
  lrSgd: rate('sgd'),
  lrMomentum: rate('momentum'),
  lrNesterov: rate('nesterov'),
  lrRmsprop: rate('rmsprop'),
  lrAdam: rate('adam'),
  lrAdamw: rate('adamw'),
};

export type LandscapeRaceState = StateOf<typeof landscapeRaceSchema>;
export type LandscapeRaceProps = Partial<LandscapeRaceState>;
