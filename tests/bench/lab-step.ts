// The Lab's training step against a plain-JS scalar network (playground-reference.ts) on the same
// task: the spiral's 250 training points, inputs x₁ and x₂, two hidden layers of 8 tanh units, one
// output scored by squared error on sigmoid(output), plain SGD at 0.03, batches of 10. Both sides
// start from the same weights and take the same batches in the same order, so after the warm-up
// their training losses agree (checked); then each runs in turns of a quarter second, interleaved,
// for about a second in all, and the figure is steps per second.
//
// The engine side is the Lab job's own step (labJob.ts): the batch's features copied into a tensor,
// labTargets, labStep (buildLabNet's network, labOptimizer's SGD), each step inside tidy, and one
// read-back of the losses every CHUNK steps, as the training loop reads back once per tick.
import * as tf from '@tensorflow/tfjs-core';
import { Random, tensor, tidy, type Tensor } from '../../src/engine/index.ts';
import { makeLabData, type LabDataSpec } from '../../src/models/lab/data.ts';
import { featureMatrix } from '../../src/models/lab/features.ts';
import { buildLabNet, labOptimizer, labStep, labTargets, labWeights } from '../../src/models/lab/network.ts';
import { labMeasures } from '../../src/models/lab/picture.ts';
import type { LabData, LabLayerWeights, LabNetwork } from '../../src/models/lab/spec.ts';
import { buildReference, meanError, SIGMOID, SQUARE, TANH, trainBatch, type RefNetwork } from './playground-reference';

/** The name `--models` knows this benchmark by. */
export const LAB_MODEL = 'lab';
export const LAB_TITLE = 'Lab spiral 2-8-8-1 tanh, batch 10';

const NETWORK: LabNetwork = {
  features: ['x1', 'x2'],
  layers: [
    { units: 8, activation: 'tanh', dropout: 0 },
    { units: 8, activation: 'tanh', dropout: 0 },
  ],
  loss: 'mse',
  optimizer: 'sgd',
  learningRate: 0.03,
  regularizer: 'none',
  regularizationRate: 0,
  batchSize: 10,
};
/** The Lab's default spiral: 500 points, no noise, half of them trained on. */
const DATA: LabDataSpec = { set: 'spiral', classes: 2, noise: 0, trainFraction: 0.5, seed: 1 };
const SEED = 1;
const WARMUP_STEPS = 100;
/**
 * Further untimed steps on each side before the timing, so that both are measured compiled: the
 * engine's code path is longer than the reference's and reaches the optimising compiler later (with
 * 100 steps only, the backend measured first came out about 15% slower than the same code a second later).
 */
const JIT_STEPS = 2000;
const ROUNDS = 4;
const ROUND_MS = 250;
/** Engine steps between two read-backs. */
const CHUNK = 32;

export interface LabLosses {
  /** Mean squared error over the training points: at the start, after the warm-up, at the end. */
  start: number;
  warm: number;
  end: number;
  /** Steps taken in all (warm-up included). */
  steps: number;
}

export interface LabRow {
  backend: string;
  engineStepsPerSecond: number | null;
  referenceStepsPerSecond: number;
  /** Kernels one engine step runs (null where it could not be profiled). */
  kernelsPerStep: number | null;
  engine: LabLosses | null;
  reference: LabLosses;
  /** Tensors the engine side left behind (should be 0). */
  leaked: number;
  note?: string;
}

/** Batches of the training rows: a seeded shuffle, used up before the next (as the Lab job takes them). */
class BatchOrder {
  private queue: number[] = [];
  private readonly random: Random;

  constructor(
    private readonly n: number,
    private readonly size: number,
    seed: number,
  ) {
    this.random = new Random(seed);
  }

  next(): number[] {
    const rows: number[] = [];
    while (rows.length < this.size) {
      if (this.queue.length === 0) this.queue = this.random.permutation(this.n);
      rows.push(this.queue.pop() as number);
    }
    return rows;
  }
}

interface Side {
  /** Runs `steps` steps; returns the last step's loss. */
  run(steps: number): Promise<number>;
  /** Runs whole chunks of steps until `ms` have passed; returns the steps taken. */
  runFor(ms: number): Promise<number>;
  trainLoss(): number;
}

const now = () => performance.now();

function checkFinite(loss: number): number {
  if (!Number.isFinite(loss)) throw new Error(`the loss became ${loss}`);
  return loss;
}

function engineSide(data: LabData): Side & { step: () => Tensor; weights: () => LabLayerWeights[]; dispose: () => void } {
  const lab = buildLabNet(NETWORK, NETWORK.features.length, 1, SEED);
  const opt = labOptimizer(lab, NETWORK);
  const inputs = NETWORK.features.length;
  const trainX = featureMatrix(data.train, NETWORK.features);
  const order = new BatchOrder(data.train.length, NETWORK.batchSize, SEED);
  const step = (): Tensor => {
    const rows = order.next();
    const x = new Float32Array(rows.length * inputs);
    rows.forEach((r, i) => x.set(trainX.subarray(r * inputs, (r + 1) * inputs), i * inputs));
    const targets = labTargets(
      rows.map((r) => data.train[r].y),
      data.task,
      1,
    );
    return labStep(lab, opt, tensor(x, [rows.length, inputs]), targets, NETWORK, data.task).loss;
  };
  // The losses are read as the training loop reads them: where they live (train.ts).
  const chunk = async (steps: number): Promise<number> => {
    const losses: Tensor[] = [];
    for (let i = 0; i < steps; i++) losses.push(tidy(step));
    let values: Float32Array;
    if (losses.every((t) => t.small)) values = Float32Array.from(losses, (t) => t.item());
    else {
      const packed = tf.tidy(() => tf.stack(losses.map((t) => t.asTf())));
      values = (await packed.data()) as Float32Array;
      packed.dispose();
    }
    losses.forEach((t) => t.dispose());
    return checkFinite(values[values.length - 1]);
  };
  return {
    step,
    async run(steps) {
      let loss = NaN;
      for (let done = 0; done < steps; done += CHUNK) loss = await chunk(Math.min(CHUNK, steps - done));
      return loss;
    },
    async runFor(ms) {
      const t0 = now();
      let steps = 0;
      while (now() - t0 < ms) {
        await chunk(CHUNK);
        steps += CHUNK;
      }
      return steps;
    },
    trainLoss: () => labMeasures(lab, NETWORK, data).trainLoss,
    weights: () => labWeights(lab),
    dispose() {
      opt.dispose();
      lab.net.dispose();
    },
  };
}

function referenceSide(data: LabData, start: RefNetwork): Side {
  const net = start;
  const inputs = data.train.map((p) => [p.x1, p.x2]);
  const targets = data.train.map((p) => p.y);
  const order = new BatchOrder(data.train.length, NETWORK.batchSize, SEED);
  const step = (): number => {
    const rows = order.next();
    return trainBatch(
      net,
      rows.map((r) => inputs[r]),
      rows.map((r) => targets[r]),
      NETWORK.learningRate,
      SQUARE,
    );
  };
  return {
    async run(steps) {
      let loss = NaN;
      for (let i = 0; i < steps; i++) loss = step();
      return checkFinite(loss);
    },
    async runFor(ms) {
      const t0 = now();
      let steps = 0;
      let loss = 0;
      while (now() - t0 < ms) {
        for (let i = 0; i < CHUNK; i++) loss = step();
        steps += CHUNK;
      }
      checkFinite(loss);
      return steps;
    },
    trainLoss: () => meanError(net, inputs, targets, SQUARE),
  };
}

/** Kernels one engine step runs, from a side of its own (so the measured run is not disturbed). */
async function kernelsPerStep(data: LabData): Promise<number | null> {
  const side = engineSide(data);
  try {
    tidy(side.step).dispose();
    const profile = await tf.profile(() => {
      tidy(side.step).dispose();
    });
    return profile.kernels.length;
  } catch {
    return null;
  } finally {
    side.dispose();
  }
}

/** Measures the Lab's step and the reference on the backend tfjs is using now. */
export async function measureLab(log: (line: string) => void = () => {}): Promise<LabRow> {
  const backend = tf.getBackend();
  const data = makeLabData(DATA);
  const before = tf.memory().numTensors;
  const engine = engineSide(data);
  // The reference starts from the engine network's initial weights.
  const reference = referenceSide(data, buildReference(NETWORK.features.length, engine.weights(), TANH, SIGMOID));
  const notes: string[] = [];
  const refLosses: LabLosses = { start: reference.trainLoss(), warm: NaN, end: NaN, steps: 0 };
  let engineLosses: LabLosses | null = { start: engine.trainLoss(), warm: NaN, end: NaN, steps: 0 };
  let engineSteps = 0;
  let engineMs = 0;
  let refSteps = 0;
  let refMs = 0;
  try {
    await engine.run(WARMUP_STEPS);
    engineLosses.warm = engine.trainLoss();
  } catch (e) {
    notes.push(`engine failed: ${(e as Error).message}`);
    engineLosses = null;
  }
  await reference.run(WARMUP_STEPS);
  refLosses.warm = reference.trainLoss();
  if (engineLosses && Math.abs(engineLosses.warm - refLosses.warm) > 1e-4 + 1e-3 * refLosses.warm) {
    notes.push(`after ${WARMUP_STEPS} steps the two sides disagree (engine ${engineLosses.warm}, reference ${refLosses.warm}): they do not compute the same thing`);
  }
  if (engineLosses) {
    try {
      await engine.run(JIT_STEPS);
    } catch (e) {
      notes.push(`engine failed: ${(e as Error).message}`);
      engineLosses = null;
    }
  }
  await reference.run(JIT_STEPS);
  for (let r = 0; r < ROUNDS; r++) {
    if (engineLosses) {
      const t0 = now();
      try {
        engineSteps += await engine.runFor(ROUND_MS);
      } catch (e) {
        notes.push(`engine failed: ${(e as Error).message}`);
        engineLosses = null;
      }
      engineMs += now() - t0;
    }
    const t1 = now();
    refSteps += await reference.runFor(ROUND_MS);
    refMs += now() - t1;
  }
  if (engineLosses) {
    engineLosses.end = engine.trainLoss();
    engineLosses.steps = WARMUP_STEPS + JIT_STEPS + engineSteps;
  }
  refLosses.end = reference.trainLoss();
  refLosses.steps = WARMUP_STEPS + JIT_STEPS + refSteps;
  engine.dispose();
  const leaked = tf.memory().numTensors - before;
  for (const [name, l] of [['engine', engineLosses], ['reference', refLosses]] as const) {
    if (l && !(l.end < l.start)) notes.push(`the ${name} did not learn: training loss ${l.start} at the start, ${l.end} at the end`);
  }
  const row: LabRow = {
    backend,
    engineStepsPerSecond: engineLosses ? (1000 * engineSteps) / engineMs : null,
    referenceStepsPerSecond: (1000 * refSteps) / refMs,
    kernelsPerStep: await kernelsPerStep(data),
    engine: engineLosses,
    reference: refLosses,
    leaked,
  };
  if (notes.length) row.note = notes.join('; ');
  log(`${backend} ${LAB_MODEL}: engine ${fmtRate(row.engineStepsPerSecond)} steps/s, reference ${fmtRate(row.referenceStepsPerSecond)} steps/s${row.note ? ` (${row.note})` : ''}`);
  return row;
}

export function fmtRate(v: number | null): string {
  return v === null ? '—' : v >= 100 ? String(Math.round(v)) : v.toFixed(1);
}

const fmtLoss = (v: number) => v.toFixed(4);
const lossCell = (l: LabLosses | null) => (l ? `${fmtLoss(l.start)} → ${fmtLoss(l.warm)} → ${fmtLoss(l.end)} (${l.steps} steps)` : '—');

/**
 * The Lab's table: steps per second of each side, their ratio, and the training losses that show
 * both learn; the gap between the two sides' losses after the same warm-up steps shows they compute
 * the same thing (float32 against float64).
 */
export function labTable(rows: { where: string; row: LabRow }[]): string {
  const lines = [
    `| where | backend | engine steps/s | plain-JS reference steps/s | engine / reference | engine kernels/step | engine loss start → warm-up → end | reference loss start → warm-up → end | warm-up loss gap |`,
    `|---|---|---:|---:|---:|---:|---|---|---:|`,
  ];
  for (const { where, row } of rows) {
    const ratio = row.engineStepsPerSecond === null ? 'n/a' : (row.engineStepsPerSecond / row.referenceStepsPerSecond).toFixed(3);
    const gap = row.engine ? Math.abs(row.engine.warm - row.reference.warm).toExponential(1) : '—';
    lines.push(
      `| ${where} | ${row.backend} | ${fmtRate(row.engineStepsPerSecond)} | ${fmtRate(row.referenceStepsPerSecond)} | ${ratio} | ${row.kernelsPerStep ?? '—'} | ${lossCell(row.engine)} | ${lossCell(row.reference)} | ${gap} |`,
    );
  }
  return lines.join('\n');
}
