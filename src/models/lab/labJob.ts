// The Lab as a training job: the data set drawn from its description, the network built from the
// seed, mini-batches drawn in a seeded order, epoch after epoch. The learning rate, the penalty and
// the batch size change the running network (live); anything else builds it again. Its picture is
// the output surface, every unit's map, the parameters, and the full training and test loss,
// measured at every snapshot and kept as two curves. With early stopping on, a fifth of the
// training points is set aside; its loss is measured after every epoch, the weights of the best
// epoch are kept, and when patience runs out they are put back and the run ends there.
import { Random, tensor, type nn } from '../../engine/index.ts';
import { EarlyStopping } from '../training/earlyStopping.ts';
import type { JobDefinition } from '../training/job.ts';
import { LossHistory, type Curve } from '../training/history.ts';
import { makeLabData, type LabDataSpec } from './data.ts';
import { featureMatrix } from './features.ts';
import { buildLabNet, labOptimizer, labStep, labTargets, setLabParameter, type ParameterAddress } from './network.ts';
import { CURVE_SAMPLES, labHeldOutLoss, labPicture, lineGrid, OUTPUT_GRID, planeGrid, UNIT_GRID, UNIT_SAMPLES, type LabPicture } from './picture.ts';
import { outputUnits, type LabData, type LabNetwork } from './spec.ts';

/** What builds the network: the data and the architecture (a change starts a new run). */
export interface LabConfig {
  data: LabDataSpec;
  network: Pick<LabNetwork, 'features' | 'layers' | 'loss' | 'optimizer'>;
  /** Early stopping's patience in epochs (0: off); on, `data.validation` should be on too. */
  patience?: number;
}

/** Early stopping as the run stands. */
export interface LabStopping {
  patience: number;
  /** The epoch with the lowest validation loss, and that loss (null before the first epoch). */
  bestEpoch: number | null;
  bestLoss: number | null;
  /** Epochs since the last improvement. */
  waited: number;
  /** The epoch at which patience ran out and the best weights were put back, or null. */
  stoppedAt: number | null;
}

/** What applies to the running network from its next step. */
export type LabLive = Pick<LabNetwork, 'learningRate' | 'regularizer' | 'regularizationRate' | 'batchSize'>;

export interface LabView extends LabPicture {
  /** Epochs trained: examples seen divided by the training set's size. */
  epoch: number;
  /** The full training and test loss at each snapshot, by step. */
  trainCurve: Curve;
  testCurve: Curve;
  /** The validation loss after each epoch, by step, and early stopping's state (null when off). */
  validationCurve: Curve | null;
  stopping: LabStopping | null;
}

export type LabRequest = { type: 'setParameter'; at: ParameterAddress; value: number };

/** Steps per tick are bounded by the tick's time budget, not by a count. */
const MANY_STEPS = 2000;

export const labJob: JobDefinition<LabConfig, LabLive, LabView, never, LabRequest> = {
  name: 'lab',
  maxStepsPerTick: MANY_STEPS,
  // A picture after every tick, and ticks of 12 ms of steps: a picture for about every frame at
  // 60 frames a second (a snapshot goes out only between ticks, when this long has passed since
  // the last one).
  snapshotEveryMs: 10,
  tickBudgetMs: 12,
  build(config, { seed, live }) {
    const data: LabData = makeLabData(config.data);
    if (data.train.length === 0) throw new Error('the Lab has no training points');
    let settings: LabLive = live;
    const network = (): LabNetwork => ({ ...config.network, ...settings });
    const inputs = config.network.features.length;
    const outputs = outputUnits(data);
    const lab = buildLabNet(config.network, inputs, outputs, seed);
    const opt = labOptimizer(lab, network());
    const trainX = featureMatrix(data.train, config.network.features);
    const order = new Random(seed + 7919);
    let queue: number[] = [];
    let examples = 0;
    const trainCurve = new LossHistory();
    const testCurve = new LossHistory();
    const patience = Math.round(config.patience ?? 0);
    const validation = data.validation ?? [];
    const stopper = patience > 0 && validation.length > 0 ? new EarlyStopping({ patience }) : null;
    const validationCurve = new LossHistory();
    let best: nn.StateDict | null = null;
    let epochs = 0;

    /** After the step that completes an epoch: measure, keep the best weights, stop and restore. */
    const watchValidation = (steps: number) => {
      const epoch = Math.floor(examples / data.train.length);
      if (!stopper || epoch === epochs) return;
      epochs = epoch;
      const loss = labHeldOutLoss(lab, validation, network(), data);
      validationCurve.record(steps, loss);
      const verdict = stopper.observe(epoch, loss);
      if (verdict === 'improved') best = lab.net.stateDict();
      else if (verdict === 'stop' && best) lab.net.loadStateDict(best);
    };
    const grids = data.oneDimensional ? { output: lineGrid(CURVE_SAMPLES), units: lineGrid(UNIT_SAMPLES) } : { output: planeGrid(OUTPUT_GRID), units: planeGrid(UNIT_GRID) };

    /** The next batch's rows: a fresh seeded permutation whenever the last one is used up. */
    const nextBatch = (): number[] => {
      const size = Math.min(settings.batchSize, data.train.length);
      const rows: number[] = [];
      while (rows.length < size) {
        if (queue.length === 0) queue = order.permutation(data.train.length);
        rows.push(queue.pop() as number);
      }
      return rows;
    };

    return {
      step(stepIndex) {
        const rows = nextBatch();
        const x = new Float32Array(rows.length * inputs);
        rows.forEach((r, i) => x.set(trainX.subarray(r * inputs, (r + 1) * inputs), i * inputs));
        const targets = labTargets(
          rows.map((r) => data.train[r].y),
          data.task,
          outputs,
        );
        examples += rows.length;
        const result = labStep(lab, opt, tensor(x, [rows.length, inputs]), targets, network(), data.task);
        watchValidation(stepIndex + 1);
        return result;
      },
      finished: () => stopper?.stopEpoch != null,
      keep: () => [lab.net],
      setLive(next) {
        const optimizerChanged = next.learningRate !== settings.learningRate;
        settings = next;
        if (optimizerChanged) opt.lr = next.learningRate;
      },
      view(snapshot) {
        const picture = labPicture(lab, network(), data, grids);
        trainCurve.record(snapshot.step, picture.trainLoss);
        testCurve.record(snapshot.step, picture.testLoss);
        const stopping: LabStopping | null = stopper
          ? { patience, bestEpoch: stopper.bestEpoch, bestLoss: stopper.bestEpoch === null ? null : stopper.bestLoss, waited: stopper.epochsWithoutImprovement, stoppedAt: stopper.stopEpoch }
          : null;
        return {
          ...picture,
          epoch: examples / data.train.length,
          trainCurve: trainCurve.curve(),
          testCurve: testCurve.curve(),
          validationCurve: stopper ? validationCurve.curve() : null,
          stopping,
        };
      },
      request(payload) {
        if (payload.type === 'setParameter') return setLabParameter(lab, payload.at, payload.value) ? 'repaint' : undefined;
      },
      dispose() {
        opt.dispose();
        lab.net.dispose();
      },
    };
  },
};
