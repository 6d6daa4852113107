// The Lab's presets say what will happen; these runs hold them to it, with the presets' own
// settings (seeds included) and the job the Lab trains: a linear model cannot separate the circle
// until it is given x₁² and x₂²; x₁x₂ alone separates XOR; extra inputs make the spiral easy; the
// overfitting run's test loss turns up while its training loss falls, and L2 at 0.01 holds it down;
// a rate of 0.3 on the plane diverges and the rate ten times smaller that the Lab offers trains.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount, tidy } from '../../src/engine/index.ts';
import { makeLabData } from '../../src/models/lab/data.ts';
import { labJob, type LabView } from '../../src/models/lab/labJob.ts';
import { labConfig, labLive, labSchema, type LabState } from '../../src/widgets/Lab/labState.ts';
import { presets, type PresetName } from '../../src/widgets/Lab/presets.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

const defaults = Object.fromEntries(Object.entries(labSchema).map(([k, f]) => [k, f.default])) as LabState;
const stateOf = (name: PresetName, extra: Partial<LabState> = {}): LabState => ({ ...defaults, ...presets[name], ...extra });

/** Trains the preset's network; the picture after each of `checkpoints` steps, or the step it diverged at. */
function run(state: LabState, checkpoints: number[]): { views: LabView[]; divergedAt: number | null } {
  const built = labJob.build(labConfig(state), { seed: state.seed, live: labLive(state), data: undefined, emit() {}, schedule: () => () => {} });
  const views: LabView[] = [];
  try {
    for (let i = 0; i < Math.max(...checkpoints); i++) {
      const loss = tidy(() => built.step(i).loss.item());
      if (!Number.isFinite(loss) || loss > 1e4) return { views, divergedAt: i + 1 };
      if (checkpoints.includes(i + 1)) views.push(built.view!({ step: i + 1 } as never)!);
    }
    return { views, divergedAt: null };
  } finally {
    built.dispose();
  }
}

describe('the Lab presets do what their commentaries say', () => {
  it('linear-circle: no line separates the circle; with x₁² and x₂² the same linear model does', () => {
    const baseline = liveTensorCount();
    const [plain] = run(stateOf('linear-circle'), [1000]).views;
    const [squares] = run(stateOf('linear-circle', { x1sq: true, x2sq: true }), [1000]).views;
    expect(plain.trainAccuracy!).toBeLessThan(0.7);
    expect(squares.trainAccuracy!).toBeGreaterThanOrEqual(0.99);
    expect(squares.testAccuracy!).toBeGreaterThanOrEqual(0.99);
    expect(liveTensorCount()).toBe(baseline);
  });

  it('xor-product: a linear model of x₁x₂ alone separates XOR', () => {
    const [view] = run(stateOf('xor-product'), [500]).views;
    expect(view.parameters).toHaveLength(1);
    expect(view.testAccuracy!).toBeGreaterThanOrEqual(0.98);
  });

  it('spiral-features: slow on x₁ and x₂ alone, quick with sin x₁, sin x₂ and x₁x₂', () => {
    const [plain] = run(stateOf('spiral-features'), [2000]).views;
    const [extra] = run(stateOf('spiral-features', { sinx1: true, sinx2: true, x1x2: true }), [2000]).views;
    expect(plain.trainAccuracy!).toBeLessThan(0.8);
    expect(extra.trainAccuracy!).toBeGreaterThanOrEqual(0.98);
  });

  describe('overfit, and one remedy at a time', () => {
    let late: LabView;
    it('overfit: 50 training points, 177 parameters; the test loss turns up as the training loss falls, and L2 at 0.01 holds it down', () => {
      const state = stateOf('overfit');
      expect(makeLabData(labConfig(state).data).train).toHaveLength(50);
      const [early, last] = run(state, [300, 3000]).views;
      late = last;
      expect(late.parameters.reduce((n, p) => n + p.weights.flat().length + p.biases.length, 0)).toBe(177);
      expect(late.trainLoss).toBeLessThan(early.trainLoss);
      expect(late.testLoss).toBeGreaterThan(2 * early.testLoss);
      const [, regularised] = run(stateOf('overfit', { reg: 'l2', regRate: 0.01 }), [300, 3000]).views;
      expect(regularised.testLoss).toBeLessThan(0.6 * late.testLoss);
    });

    it('overfit-l2: at 0.03 the training loss stays higher and the test loss stays under a third of the plain run’s', () => {
      const [view] = run(stateOf('overfit-l2'), [3000]).views;
      expect(view.trainLoss).toBeGreaterThan(late.trainLoss);
      expect(view.testLoss).toBeLessThan(late.testLoss / 3);
    });

    it('overfit-early-stop: 40 points trained on and 10 watched; it stops on its own, with the best epoch’s weights back', () => {
      const state = stateOf('overfit-early-stop');
      const data = makeLabData(labConfig(state).data);
      expect([data.train.length, data.validation?.length]).toEqual([40, 10]);
      const built = labJob.build(labConfig(state), { seed: state.seed, live: labLive(state), data: undefined, emit() {}, schedule: () => () => {} });
      try {
        let steps = 0;
        while (!built.finished!() && steps < 3000) tidy(() => built.step(steps++).loss.item());
        const view = built.view!({ step: steps } as never)!;
        const stop = view.stopping!;
        expect(stop.stoppedAt).toBe(stop.bestEpoch! + 50);
        // Batches of 10 from 40 points: 4 steps an epoch.
        expect(steps).toBe(4 * stop.stoppedAt!);
        // The restored weights are the best epoch's: their validation loss is the best one seen.
        const validation = view.validationCurve!.values;
        expect(Math.min(...validation)).toBeCloseTo(stop.bestLoss!, 6);
        expect(view.testLoss).toBeLessThan(0.6 * late.testLoss);
        expect(built.finished!()).toBe(true);
      } finally {
        built.dispose();
      }
    });

    it('dropout of 0.3 on layers of eight units does not help here: the test loss ends above the plain run’s', () => {
      const [view] = run(stateOf('overfit', { dropout: [0.3, 0.3, 0.3] }), [3000]).views;
      expect(view.testLoss).toBeGreaterThan(late.testLoss);
    });
  });

  it('blow-up: a rate of 0.3 diverges within a few steps; the rate ten times smaller trains', () => {
    const state = stateOf('blow-up');
    expect(state.lr).toBe(0.3);
    expect(run(state, [100]).divergedAt).toBeLessThanOrEqual(10);
    const safer = run(stateOf('blow-up', { lr: 0.03 }), [1000]);
    expect(safer.divergedAt).toBeNull();
    expect(safer.views[0].testLoss).toBeLessThan(0.01);
  });

  it('many-classes and curve train to a good fit', () => {
    const [classes] = run(stateOf('many-classes'), [1000]).views;
    expect(classes.surface.kind).toBe('classes');
    expect(classes.testAccuracy!).toBeGreaterThanOrEqual(0.95);
    const [curve] = run(stateOf('curve'), [3000]).views;
    expect(curve.surface.kind).toBe('curve');
    // The targets' own spread (the loss of predicting their mean) is about 0.2.
    expect(curve.testLoss).toBeLessThan(0.05);
  });
});
