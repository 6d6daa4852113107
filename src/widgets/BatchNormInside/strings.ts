// Every word the batch-norm figure shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import type { LayerMode } from './batchNormStream.ts';

export const batchNormStrings = catalogue('BatchNormInside', {
  // The layer's buttons.
  actions: 'The layer',
  nextBatch: 'Next batch',
  run: (n: number) => `Run ${n} batches`,
  runShort: (n: number) => `Run ${n}`,
  stop: 'Stop',
  reset: 'Reset layer',
  modeGroup: 'Mode',
  modeNames: { train: 'Train', eval: 'Eval' } satisfies Record<LayerMode, string>,
  modeLong: { train: 'Train: training mode, the batch’s own statistics', eval: 'Eval: evaluation mode, the running statistics' } satisfies Record<LayerMode, string>,
  unitGroup: 'Unit',
  statusTrain: (u: number, k: number, size: number) => `Unit ${u}, training batch ${k} (${size} ${size === 1 ? 'example' : 'examples'})`,
  statusEval: (u: number, k: number, e: number, size: number) =>
    e === 0
      ? `Unit ${u}, training batch ${k} (${size} ${size === 1 ? 'example' : 'examples'}) in evaluation mode`
      : `Unit ${u}, evaluation batch ${e} (${size} ${size === 1 ? 'example' : 'examples'}), after ${k} training ${k === 1 ? 'batch' : 'batches'}`,
  atMost: (max: number) => `The figure stops at ${max} batches: reset the layer to start again.`,
  // Settings.
  batchSize: 'Batch size',
  momentum: 'Momentum m',
  unitOption: (u: number, mean: string, std: string) => `Unit ${u} (mean ${mean}, std ${std})`,
  gamma: (u: number) => `Scale γ of unit ${u}`,
  beta: (u: number) => `Shift β of unit ${u}`,
  seed: 'Random seed',
  settingsSummary: (m: string, u: number, gamma: string, beta: string, seed: number) => `m = ${m}; unit ${u}: γ = ${gamma}, β = ${beta}; seed ${seed}`,
  // (a) The batch before and after the layer.
  rowNames: { input: 'x', normalised: 'x̂', output: 'γx̂+β' },
  valueAxis: 'value',
  batchName: (stream: 'training' | 'evaluation', k: number) => (stream === 'training' ? `training batch ${k}` : `evaluation batch ${k}`),
  stripsTitle: (u: number, batch: string) => `Unit ${u}, ${batch}: before and after the layer`,
  stripsDescription: (o: { u: number; batch: string; n: number; mode: string; input: string; normalised: string; output: string }) =>
    `Strip plot of the ${o.n} values of unit ${o.u} in ${o.batch}, in three rows on one axis: the input x (${o.input}), the layer's normalised values x̂ in ${o.mode} mode (${o.normalised}), and its output γx̂ + β (${o.output}). A bar under each row spans its mean ± one standard deviation.`,
  meanStd: (mean: string, std: string) => `mean ${mean}, std ${std}`,
  plusMinus: (mean: string, std: string) => `${mean} ± ${std}`,
  runningLabel: (pm: string) => `running ${pm}`,
  /** x minus a mean, written with one sign: "x − 4.82", "x + 2.98". */
  centred: (mean: string, negative: boolean) => (negative ? `x + ${mean}` : `x − ${mean}`),
  ruleTrain: (centred: string, std: string) => `x̂ = (${centred}) / √(${std}² + ε): this batch’s own mean and std (dividing by n), so x̂ has mean 0 and std 1.`,
  ruleEval: (centred: string, variance: string, own: string) =>
    `x̂ = (${centred}) / √(${variance} + ε): the running mean and variance, not this batch’s own (dashed bar, ${own}), so x̂ has mean 0 and std 1 only once they fit.`,
  ruleOutput: (gamma: string, beta: string) => `Then ×γ + β: γ = ${gamma}, β = ${beta}.`,
  noBatch: 'No batch has passed through the layer yet: press Next batch.',
  refusedRow: 'refused',
  refusal: (message: string) =>
    `A batch of one in training mode: the engine’s layer refuses it (“${message}”). One example is its own mean, so x minus the mean is 0 and so is the variance: the output would be β whatever x is, and the running variance’s n/(n − 1) would divide by zero. Evaluation mode handles one example, with the running statistics (the last plot).`,
  // (b) The running statistics.
  runningTitle: (u: number) => `Unit ${u}’s running mean and variance, batch by batch`,
  runningCaption: 'Running mean and variance',
  batchesAxis: 'training batches',
  statAxis: 'value',
  legendMean: 'mean',
  legendVar: 'variance',
  legendExpected: 'expected',
  populationMean: (v: string) => `population mean ${v}`,
  populationVar: (v: string) => `population variance ${v}`,
  runningDescription: (o: { u: number; k: number; mean: string; variance: string; popMean: string; popVar: string; expMean: string; expVar: string }) =>
    `Line plot of unit ${o.u}'s running mean and running variance after each of ${o.k} training batches, from 0 and 1, with the population's mean ${o.popMean} and variance ${o.popVar} as dashed lines and the expected path as dotted lines. Now: mean ${o.mean} (expected ${o.expMean}), variance ${o.variance} (expected ${o.expVar}).`,
  runningReadout: (o: { k: number; mean: string; variance: string; left: string }) =>
    `After ${o.k} ${o.k === 1 ? 'batch' : 'batches'}: mean ${o.mean}, variance ${o.variance}; on average (1 − m)ᵏ = ${o.left} of the start’s gap is left.`,
  noUpdates: 'No update: the layer refused every batch of one, so the running mean and variance are still the fresh layer’s 0 and 1.',
  frozen: 'Evaluation mode reads the running statistics and never updates them: the lines wait for the next training batch.',
  // (c) Training against evaluation mode on one batch.
  gapTitle: (u: number) => `The same batch in both modes: unit ${u}’s output`,
  gapCaption: 'The same batch in both modes',
  gapRows: { train: 'training', eval: 'evaluation' },
  outputAxis: 'γx̂+β',
  gapDescription: (o: { u: number; batch: string; n: number; train: string; evaluation: string; gap: string; max: string }) =>
    `Strip plot of unit ${o.u}'s output for the ${o.n} examples of ${o.batch}: in training mode (${o.train}) and in evaluation mode (${o.evaluation}), each example joined across the two rows. Mean |train − eval| = ${o.gap}, largest ${o.max}.`,
  gapReadout: (gap: string) => `Mean |train − eval| = ${gap}.`,
  gapWhy: (n: number) =>
    `Why: training mode uses this batch’s own mean and variance, noisy estimates from ${n} ${n === 1 ? 'example' : 'examples'}; evaluation mode, the running averages. The smaller the batch, the larger the gap.`,
  pairNote: (a: string, b: string) => `With two examples, the normalised values are always one below and one above the mean by the same amount: here x̂ = ${a} and ${b}.`,
  gapRefused: 'Training mode refuses a batch of one (its row is empty); evaluation mode gives the example its output from the running statistics alone.',
  // States.
  starting: 'Starting the engine…',
  engineFailed: (why: string) => `The engine could not start: ${why}`,
  computeFailed: (why: string) => `The layer could not run: ${why}. Reset the layer or change a setting.`,
  /** How the shared-link notices name each setting. */
  linkLabels: {
    batchSize: 'batch size',
    momentum: 'momentum',
    unit: 'unit',
    gamma: 'γ of each unit',
    beta: 'β of each unit',
    mode: 'mode',
    batches: 'training batches',
    evalBatches: 'evaluation batches',
    seed: 'seed',
  },
});
