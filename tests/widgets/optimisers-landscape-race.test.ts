// LandscapeRace beyond the update rules: the schema and the scenes a chapter gets, the typed
// landscape (its parser, its values, its gradient, hostile text from a link), a racer that
// diverges or meets a value that is not a number while the others go on with nothing but finite
// numbers on screen, the race as a training job, the same race twice, and memory.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount } from '../../src/engine/index.ts';
import { decodeState, initialState } from '../../src/book/urlState.ts';
import { gridCenters } from '../../src/widgets/kit/plot/grid.ts';
import { DEFAULT_STARTS, LANDSCAPES, namedLandscape, suggestedRates, TYPED_EXTENT } from '../../src/widgets/LandscapeRace/landscapes.ts';
import { Race, type RaceView } from '../../src/widgets/LandscapeRace/race.ts';
import { raceJob, type RaceConfig } from '../../src/widgets/LandscapeRace/raceJob.ts';
import { parseRacers, RACERS, racersText } from '../../src/widgets/LandscapeRace/racers.ts';
import { DEFAULT_EXPRESSION, landscapeRaceSchema, RATE_KEYS } from '../../src/widgets/LandscapeRace/schema.ts';
import { raceStrings } from '../../src/widgets/LandscapeRace/strings.ts';
import { contourLevels, surfaceValues } from '../../src/widgets/LandscapeRace/surface.ts';
import { landscapeFromText } from '../../src/widgets/LandscapeRace/typedLandscape.ts';
import { chapterState, conditionUpdate } from '../../src/widgets/LandscapeRace/useLandscapeRace.ts';
import { optimisersWidgets } from '../../src/widgets/registry/optimisers.ts';
import { harness } from '../models/support.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

/** Every number anywhere in a view, so that a test can say none is NaN or infinite. */
const numbersIn = (view: RaceView) => view.racers.flatMap((r) => [r.lr, ...r.trail.flat(), ...r.losses, ...(r.next ?? [])]);

function run(landscape: ReturnType<typeof namedLandscape>, start: readonly [number, number], settings: { kind: (typeof RACERS)[number]; lr: number }[], steps: number): RaceView {
  const race = new Race(landscape, start, settings);
  try {
    for (let i = 0; i < steps && race.running(); i++) race.step().loss.dispose();
    return race.view();
  } finally {
    race.dispose();
  }
}

describe('the schema and the scene a chapter gets', () => {
  it('defaults: the valley with κ = 10, every racer, rates that keep plain descent stable across the wall', () => {
    const { state } = initialState(landscapeRaceSchema, {});
    expect(state).toMatchObject({ landscape: 'valley', condition: 10, startX: -2.5, startY: 1.5, expression: DEFAULT_EXPRESSION });
    expect(parseRacers(state.racers)).toEqual([...RACERS]);
    // Plain descent is stable on the steep wall (curvature κ) for η < 2/κ, and zig-zags for η > 1/κ.
    expect(state.lrSgd * state.condition).toBeGreaterThan(1);
    expect(state.lrSgd * state.condition).toBeLessThan(2);
    for (const k of RACERS) expect(state[RATE_KEYS[k]]).toBe(suggestedRates('valley', 10)[k]);
  });

  it('a chapter naming a landscape gets its start and rates, unless it gives its own', () => {
    const valley50 = initialState(landscapeRaceSchema, chapterState({ landscape: 'valley', condition: 50, racers: 'sgd,momentum,nesterov' })).state;
    expect(valley50.lrSgd * 50).toBeCloseTo(1.8, 10);
    expect(valley50.lrMomentum).toBeCloseTo(1 / 50, 10);
    const rosen = initialState(landscapeRaceSchema, chapterState({ landscape: 'rosenbrock', lrAdam: 0.05 })).state;
    expect([rosen.startX, rosen.startY]).toEqual([-1.2, 1]);
    expect(rosen.lrSgd).toBe(suggestedRates('rosenbrock', 10).sgd);
    expect(rosen.lrAdam).toBe(0.05);
    expect(initialState(landscapeRaceSchema, chapterState({ landscape: 'saddle' })).state.startX).toBe(0.01);
  });

  it('a new κ scales the three rates that depend on it by 1/κ and leaves the adaptive ones', () => {
    const at50 = initialState(landscapeRaceSchema, chapterState({ condition: 50 })).state;
    const update = conditionUpdate(at50, 100);
    expect(update).toEqual({ condition: 100, lrSgd: 0.018, lrMomentum: 0.01, lrNesterov: 0.01 });
  });

  it('names every landscape, formula and racer; reads racer lists forgivingly; is registered', () => {
    for (const l of LANDSCAPES) {
      expect(raceStrings.landscapeNames[l]).toBeTruthy();
      expect(raceStrings.formulas[l]).toBeTruthy();
    }
    for (const r of RACERS) expect(raceStrings.racerNames[r]).toBeTruthy();
    expect(parseRacers(' Adam, sgd,bogus,adam,')).toEqual(['sgd', 'adam']);
    expect(parseRacers('')).toEqual([]);
    expect(racersText(['adamw', 'sgd'])).toBe('sgd,adamw');
    expect(Object.keys(optimisersWidgets)).toContain('LandscapeRace');
  });

  it('contour levels rise by equal factors from f_min to the grid’s highest value', () => {
    const levels = contourLevels([0, 1, 4, 100, Number.NaN], 0);
    expect(levels[0]).toBeCloseTo(100 * 1e-4, 12);
    expect(levels[levels.length - 1]).toBeCloseTo(100, 10);
    const ratios = levels.slice(1).map((l, i) => l / levels[i]);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0], 10);
    expect(contourLevels([-0.25, 1.75], -0.25)[0]).toBeCloseTo(-0.25 + 2e-4, 12);
    expect(contourLevels([Number.NaN], null)).toEqual([]);
  });
});

describe('the typed landscape', () => {
  const rotated = (x: number, y: number) => ((x + y) ** 2 + 10 * (x - y) ** 2) / 4;

  it('the default expression gives the plain-JS formula on the whole grid', () => {
    const r = landscapeFromText(DEFAULT_EXPRESSION);
    if (!r.ok) throw new Error(r.message);
    const values = surfaceValues(r.landscape, 12);
    const cells = gridCenters(TYPED_EXTENT, 12, 12);
    cells.forEach(([x, y], i) => expect(values[i]).toBeCloseTo(rotated(x, y), 3));
  });

  it('every function it allows, against the same formula in JavaScript', () => {
    const cases: [string, (x: number, y: number) => number][] = [
      ['exp(x/2) - log(1 + y^2) + sqrt(x^2 + 1)', (x, y) => Math.exp(x / 2) - Math.log(1 + y * y) + Math.sqrt(x * x + 1)],
      ['tanh(x*y) + sigmoid(y) + relu(x - y) - 2^x', (x, y) => Math.tanh(x * y) + 1 / (1 + Math.exp(-y)) + Math.max(0, x - y) - 2 ** x],
      ['-x^2 + 3', (x) => -(x * x) + 3],
    ];
    for (const [text, js] of cases) {
      const r = landscapeFromText(text);
      if (!r.ok) throw new Error(r.message);
      const values = surfaceValues(r.landscape, 6);
      gridCenters(TYPED_EXTENT, 6, 6).forEach(([x, y], i) => expect(values[i], text).toBeCloseTo(js(x, y), 3));
    }
  });

  it('its racers follow the hand-written gradient of the turned valley', () => {
    const r = landscapeFromText(DEFAULT_EXPRESSION);
    if (!r.ok) throw new Error(r.message);
    const lr = 0.05;
    const view = run(r.landscape, [-2.5, 1.5], [{ kind: 'sgd', lr }], 10);
    let [x, y] = [-2.5, 1.5];
    view.racers[0].trail.forEach((p, t) => {
      expect(p[0], `step ${t}`).toBeCloseTo(x, 4);
      expect(p[1], `step ${t}`).toBeCloseTo(y, 4);
      // ∂f/∂x = ((x + y) + 10(x − y))/2, ∂f/∂y = ((x + y) − 10(x − y))/2
      [x, y] = [x - (lr * (x + y + 10 * (x - y))) / 2, y - (lr * (x + y - 10 * (x - y))) / 2];
    });
  });

  it('refuses other variables and bad input with a message saying where and why', () => {
    const refused = (text: string, why: RegExp) => {
      const r = landscapeFromText(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.message).toMatch(why);
    };
    refused('a*x + y', /character 1: a is not a variable here; this expression may use only x, y/);
    refused('x + w', /w is not a variable here/);
    refused('z^2', /unknown name “z”.*x, y/);
    refused('x(2)', /x is a variable, not a function/);
    refused('sin(x)', /unknown name “sin”/);
    refused('', /empty/);
    refused('x +', /end of the expression/);
    for (const hostile of ['constructor', '__proto__', 'alert(1)', 'x; alert(1)', '<img src=x onerror=alert(1)>', 'window.x', '`x`', 'x'.repeat(500)]) {
      expect(landscapeFromText(hostile).ok, hostile).toBe(false);
    }
    expect(landscapeFromText(42).ok).toBe(false);
  });

  it('hostile text from a link reaches only the parser, which refuses it', () => {
    const base = initialState(landscapeRaceSchema, {}).state;
    const { state } = decodeState(landscapeRaceSchema, 'landscape:typed,expression:constructor', base);
    expect(state.landscape).toBe('typed');
    expect(landscapeFromText(state.expression).ok).toBe(false);
    const script = decodeState(landscapeRaceSchema, `expression:${encodeURIComponent('<script>alert(1)</script>')}`, base).state.expression;
    expect(landscapeFromText(script).ok).toBe(false);
    const long = decodeState(landscapeRaceSchema, `expression:${'x+'.repeat(300)}x`, base).state.expression;
    expect(long).toBe(DEFAULT_EXPRESSION);
  });

  it('a value that is not a number stops that racer, with nothing but finite numbers in the picture', () => {
    // log(x) at x < 0 is not a number: every racer stops at its start.
    const r = landscapeFromText('log(x) + y^2');
    if (!r.ok) throw new Error(r.message);
    const atStart = run(r.landscape, [-1, 1], RACERS.map((kind) => ({ kind, lr: 0.1 })), 5);
    for (const racer of atStart.racers) {
      expect(racer.status).toBe('notFinite');
      expect(racer.trail).toHaveLength(1);
      expect(racer.losses).toEqual([]);
    }
    // √x pulls plain descent towards x = 0 ever faster, until a step crosses to x < 0.
    const sqrt = landscapeFromText('sqrt(x) + y^2');
    if (!sqrt.ok) throw new Error(sqrt.message);
    const later = run(sqrt.landscape, [1, 0.5], [{ kind: 'sgd', lr: 0.1 }, { kind: 'adam', lr: 0.01 }], 200);
    const [sgd, adam] = later.racers;
    expect(sgd.status).toBe('notFinite');
    expect(sgd.trail.length).toBeGreaterThan(2);
    expect(adam.trail.length).toBeGreaterThan(sgd.trail.length);
    expect(numbersIn(later).every(Number.isFinite)).toBe(true);
  });
});

describe('one racer diverges, the others race on', () => {
  const valley100 = namedLandscape('valley', 100);
  const rates = suggestedRates('valley', 100);
  const settings = RACERS.map((kind) => ({ kind, lr: kind === 'sgd' ? 0.5 : rates[kind] }));

  it('SGD at η = 0.5 on κ = 100 diverges at once; the others keep going, finite', () => {
    const view = run(valley100, DEFAULT_STARTS.valley, settings, 300);
    const [sgd, ...others] = view.racers;
    expect(sgd.status).toBe('diverged');
    // |1 − ηκ| = 49: the first steps already leave the plot far behind.
    expect(sgd.trail.length).toBeLessThanOrEqual(3);
    for (const r of others) {
      expect(r.status === 'running' || r.status === 'arrived', r.kind).toBe(true);
      expect(r.losses[r.losses.length - 1]).toBeLessThan(r.losses[0]);
    }
    expect(numbersIn(view).every(Number.isFinite)).toBe(true);
  });

  it('as a training job: the run never diverges as a whole, its loss stays finite, one picture a frame', async () => {
    const baseline = liveTensorCount();
    const h = harness(raceJob);
    await h.core.handle({ type: 'init', backend: 'cpu' });
    const config: RaceConfig = { landscape: 'valley', condition: 100, expression: '', start: DEFAULT_STARTS.valley, racers: settings };
    await h.core.handle({ type: 'setup', generation: 1, config, seed: 1, live: undefined });
    await h.trainTo(60);
    const last = h.lastSnapshot();
    expect(last.snapshot.state).toBe('paused');
    expect(Number.isFinite(last.snapshot.loss)).toBe(true);
    expect(last.losses.every(Number.isFinite)).toBe(true);
    const view = last.view as RaceView;
    expect(view.racers.find((r) => r.kind === 'sgd')!.status).toBe('diverged');
    expect(view.racers.filter((r) => r.status === 'running').length).toBeGreaterThan(0);
    expect(numbersIn(view).every(Number.isFinite)).toBe(true);
    // One step a tick, and a picture with every one of them (snapshotEveryMs 0).
    const running = h.of('snapshot').filter((m) => m.snapshot.state === 'running');
    expect(running.every((m) => m.snapshot.frameLosses.length <= 1)).toBe(true);
    expect(running.length).toBeGreaterThanOrEqual(last.snapshot.step - 2);
    await h.core.handle({ type: 'dispose' });
    expect(liveTensorCount()).toBe(baseline);
  });

  it('a race whose every racer has stopped is finished: Train does nothing', async () => {
    const h = harness(raceJob);
    await h.core.handle({ type: 'init', backend: 'cpu' });
    const config: RaceConfig = { landscape: 'typed', condition: 10, expression: 'log(x)', start: [-1, 0], racers: [{ kind: 'adam', lr: 0.1 }] };
    await h.core.handle({ type: 'setup', generation: 1, config, seed: 1, live: undefined });
    await h.core.handle({ type: 'play' });
    await h.core.handle({ type: 'step' });
    const last = h.lastSnapshot();
    expect(last.snapshot.step).toBe(0);
    expect(last.failure).toBeNull();
    expect((last.view as RaceView).racers[0].status).toBe('notFinite');
    await h.core.handle({ type: 'dispose' });
  });
});

describe('determinism and memory', () => {
  it('the same race twice gives the same paths, step for step', () => {
    const himmelblau = namedLandscape('himmelblau', 10);
    const rates = suggestedRates('himmelblau', 10);
    const settings = RACERS.map((kind) => ({ kind, lr: rates[kind] }));
    const a = run(himmelblau, DEFAULT_STARTS.himmelblau, settings, 120);
    const b = run(himmelblau, DEFAULT_STARTS.himmelblau, settings, 120);
    expect(a).toEqual(b);
  });

  it('no tensor outlives a race: after many steps, racers that stop early, and dispose', () => {
    const baseline = liveTensorCount();
    const rates = suggestedRates('rosenbrock', 10);
    const race = new Race(namedLandscape('rosenbrock', 10), DEFAULT_STARTS.rosenbrock, RACERS.map((kind) => ({ kind, lr: kind === 'sgd' ? 0.05 : rates[kind] })));
    for (let i = 0; i < 400; i++) race.step().loss.dispose();
    expect(race.view().racers[0].status).toBe('diverged');
    race.dispose();
    expect(liveTensorCount()).toBe(baseline);
  });
});
