// The augmentation figure's training job: the pair of networks of augmentedPair.ts, trained epoch
// by epoch in the worker, both measured on the fixed test digits and on their plain training
// digits before the first step and after every epoch. A measurement runs in slices, one per tick,
// while training waits; each result goes to the page as an event carrying the whole history.
import { EVAL_SLICE, mnistOf } from '../../mnist/mnistJob.ts';
import type { ChunkedEvaluation, Evaluation } from '../../mnist/mnistTraining.ts';
import type { JobDefinition } from '../../training/job.ts';
import type { AugmentSettings } from './augment.ts';
import { AugmentedPair, PAIR_DEFAULTS, stepsPerEpoch, type ModelKind } from './augmentedPair.ts';

/** The test digits every run is measured on: the first this many of the test split. */
export const TEST_DIGITS = 1000;

export interface AugmentationConfig {
  trainSize: number;
  model: ModelKind;
  settings: AugmentSettings;
  epochs: number;
}

/** One measurement: after `epoch` epochs, [plain, augmented] accuracies. */
export interface EpochPoint {
  epoch: number;
  test: [number, number];
  train: [number, number];
}

export interface AugmentationEvent {
  /** The epoch being measured now (training waits for it), or null. */
  evaluating: number | null;
  history: EpochPoint[];
}


export const augmentationJob: JobDefinition<AugmentationConfig, undefined, null, AugmentationEvent, never> = {
  name: 'augmentation',
  maxSteps: (c) => c.epochs * stepsPerEpoch(c.trainSize, PAIR_DEFAULTS.batchSize),
  // Both losses are kept: the augmented network's is higher, since its task keeps changing.
  curves: ['augmentedLoss'],
  build(config, { seed, data: digits, emit, schedule }) {
    const mnist = mnistOf(digits);
    const pair = new AugmentedPair(mnist.train, mnist.test, { ...config, testDigits: TEST_DIGITS, ...PAIR_DEFAULTS }, seed);
    const state: AugmentationEvent = { evaluating: null, history: [] };
    let measured = -1;
    let cancel: (() => void) | null = null;
    const send = () => emit({ evaluating: state.evaluating, history: state.history.slice() });

    /** Measures both networks at the current epoch, one slice of digits per tick. */
    function evaluate(): void {
      const epoch = pair.epoch;
      measured = epoch;
      state.evaluating = epoch;
      send();
      const runs: ChunkedEvaluation[] = [0, 1].flatMap((k) => {
        const e = pair.evaluations(k);
        return [e.test, e.train];
      });
      const results: (Evaluation | null)[] = runs.map(() => null);
      const slice = () => {
        const i = results.findIndex((r) => r === null);
        results[i] = runs[i].advance(EVAL_SLICE);
        if (results.some((r) => r === null)) {
          cancel = schedule(slice);
          return;
        }
        cancel = null;
        const [pTest, pTrain, aTest, aTrain] = results as Evaluation[];
        state.history = [...state.history, { epoch, test: [pTest.accuracy, aTest.accuracy], train: [pTrain.accuracy, aTrain.accuracy] }];
        state.evaluating = null;
        send();
      };
      cancel = schedule(slice);
    }

    // Before the first step: both start from the same weights, so from the same accuracy.
    state.evaluating = 0;
    cancel = schedule(evaluate);

    return {
      step() {
        const { plain, augmented } = pair.step();
        return { loss: plain, augmentedLoss: augmented };
      },
      keep: () => [...pair.models, ...pair.optimizers],
      // A tick ends at the end of an epoch, where the networks are measured.
      stepLimit: () => pair.stepsPerEpoch - (pair.steps % pair.stepsPerEpoch),
      onFrame(snap) {
        if (snap.state === 'failed' || snap.state === 'diverged') return;
        if (state.evaluating === null && pair.steps % pair.stepsPerEpoch === 0 && pair.epoch !== measured) evaluate();
      },
      busy: () => state.evaluating !== null,
      dispose() {
        cancel?.();
        pair.dispose();
      },
    };
  },
};
