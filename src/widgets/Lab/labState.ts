// The Lab's whole state as one schema (src/book/stateSchema.ts): what a link carries, what a
// chapter may set as props, what presets set. Every part is checked when a link is read, and a part
// that fails falls back with a notice. Beside it, the translation from that flat state to the
// training job's configuration (what builds a network) and live settings (what tunes a running one).
import { boolean, choice, integer, number, numberList, type StateOf } from '../../book/urlState.ts';
import { setTask } from '../../models/lab/data.ts';
import type { LabConfig, LabLive } from '../../models/lab/labJob.ts';
import {
  ACTIVATIONS,
  BINARY_SETS,
  FEATURES,
  LAB_OPTIMIZERS,
  LAB_SETS,
  LOSSES,
  MAX_CLASSES,
  MAX_LAYERS,
  MAX_UNITS,
  MIN_CLASSES,
  EXTENT,
  REGULARIZERS,
  lossFits,
  type LabFeature,
  type LabLayer,
  type LabPoint,
  type LabSetName,
} from '../../models/lab/spec.ts';
import { PRESET_NAMES } from './presets.ts';
import { labStrings as s } from './strings.ts';

/** Parts of the Lab an instructor can hide in a shared link. */
export const HIDEABLE = ['presets', 'data', 'features', 'layers', 'training', 'regularization', 'export'] as const;
export type Hideable = (typeof HIDEABLE)[number];
export const hideKey = (part: Hideable) => `hide_${part}` as const;

/** Early stopping's longest patience, in epochs (0 turns it off). */
export const MAX_PATIENCE = 500;

/** Own points kept in a link: three numbers each (x₁, x₂, label), so at most this many points. */
export const MAX_LINK_POINTS = 100;

const activation = (i: number) => choice(ACTIVATIONS, 'tanh', () => s.linkLabels.activation(i));

export const labSchema = {
  preset: choice(['none', ...PRESET_NAMES] as const, 'none', () => s.linkLabels.preset),
  set: choice(LAB_SETS, 'circle', () => s.linkLabels.set),
  classes: integer({ min: MIN_CLASSES, max: MAX_CLASSES, default: 3, label: () => s.linkLabels.classes }),
  noise: number({ min: 0, max: 1, step: 0.05, default: 0, label: () => s.linkLabels.noise }),
  train: number({ min: 0.1, max: 0.9, step: 0.05, default: 0.5, label: () => s.linkLabels.train }),
  batch: integer({ min: 1, max: 64, default: 10, label: () => s.linkLabels.batch }),
  dataSeed: integer({ min: 1, max: 99999, default: 1, label: () => s.linkLabels.dataSeed }),
  points: numberList({ minLength: 0, maxLength: 3 * MAX_LINK_POINTS, min: -EXTENT, max: EXTENT, default: [], label: () => s.linkLabels.points }),
  x1: boolean(true, () => s.features.x1),
  x2: boolean(true, () => s.features.x2),
  x1sq: boolean(false, () => s.features.x1sq),
  x2sq: boolean(false, () => s.features.x2sq),
  x1x2: boolean(false, () => s.features.x1x2),
  sinx1: boolean(false, () => s.features.sinx1),
  sinx2: boolean(false, () => s.features.sinx2),
  layers: numberList({ minLength: 0, maxLength: MAX_LAYERS, min: 1, max: MAX_UNITS, integer: true, default: [4, 2], label: () => s.linkLabels.layers }),
  act1: activation(1),
  act2: activation(2),
  act3: activation(3),
  act4: activation(4),
  act5: activation(5),
  act6: activation(6),
  dropout: numberList({ minLength: 0, maxLength: MAX_LAYERS, min: 0, max: 0.9, default: [], label: () => s.linkLabels.dropout }),
  loss: choice(LOSSES, 'crossEntropy', () => s.linkLabels.loss),
  optimizer: choice(LAB_OPTIMIZERS, 'sgd', () => s.linkLabels.optimizer),
  lr: number({ min: 0.0001, max: 10, default: 0.03, label: () => s.linkLabels.lr }),
  reg: choice(REGULARIZERS, 'none', () => s.linkLabels.reg),
  regRate: number({ min: 0, max: 1, default: 0.001, label: () => s.linkLabels.regRate }),
  patience: integer({ min: 0, max: MAX_PATIENCE, default: 0, label: () => s.linkLabels.patience }),
  seed: integer({ min: 1, max: 99999, default: 1, label: () => s.linkLabels.seed }),
  hide_presets: boolean(false, () => s.linkLabels.hide('presets')),
  hide_data: boolean(false, () => s.linkLabels.hide('data')),
  hide_features: boolean(false, () => s.linkLabels.hide('features')),
  hide_layers: boolean(false, () => s.linkLabels.hide('layers')),
  hide_training: boolean(false, () => s.linkLabels.hide('training')),
  hide_regularization: boolean(false, () => s.linkLabels.hide('regularization')),
  hide_export: boolean(false, () => s.linkLabels.hide('export')),
};

export type LabState = StateOf<typeof labSchema>;

const ACT_KEYS = ['act1', 'act2', 'act3', 'act4', 'act5', 'act6'] as const;

/** Whether the set draws its classes from the `classes` setting (binary sets have two). */
export const hasClassCount = (set: LabSetName) => set === 'blobs' || set === 'arms';
export const isBinarySet = (set: LabSetName) => (BINARY_SETS as readonly string[]).includes(set);

/** The own points a state carries, as points. */
export function pointsOf(state: Pick<LabState, 'points'>): LabPoint[] {
  const out: LabPoint[] = [];
  for (let i = 0; i + 2 < state.points.length; i += 3) out.push({ x1: state.points[i], x2: state.points[i + 1], y: state.points[i + 2] });
  return out;
}

/** The points as the state's flat list (at most MAX_LINK_POINTS; coordinates to 2 decimals). */
export function pointsList(points: readonly LabPoint[]): number[] {
  const round = (v: number) => Math.round(v * 100) / 100;
  return points.slice(0, MAX_LINK_POINTS).flatMap((p) => [round(p.x1), round(p.x2), round(p.y)]);
}

/** Features that vary along a curve's x₁ (x₂ is always 0 there). */
export const CURVE_FEATURES: readonly LabFeature[] = ['x1', 'x1sq', 'sinx1'];

/** The features the network gets: those ticked that fit the data (never none: x₁ and x₂ then). */
export function featuresOf(state: LabState): LabFeature[] {
  const ticked = FEATURES.filter((f) => state[f] && (state.set !== 'curve' || CURVE_FEATURES.includes(f)));
  if (ticked.length > 0) return ticked;
  return state.set === 'curve' ? ['x1'] : ['x1', 'x2'];
}

/** The loss the network trains with: the chosen one where it fits the task, else MSE. */
export function lossOf(state: LabState): LabState['loss'] {
  return lossFits(state.loss, setTask(state.set, pointsOf(state))) ? state.loss : 'mse';
}

export function layersOf(state: LabState): LabLayer[] {
  return state.layers.map((units, i) => ({ units, activation: state[ACT_KEYS[i]], dropout: state.dropout[i] ?? 0 }));
}

/** The state's changes for a new list of layers (activations and dropout kept by position). */
export function withLayers(layers: readonly LabLayer[]): Partial<LabState> {
  const update: Partial<LabState> = { layers: layers.map((l) => l.units), dropout: layers.map((l) => l.dropout) };
  layers.forEach((l, i) => (update[ACT_KEYS[i]] = l.activation));
  return update;
}

export function labConfig(state: LabState): LabConfig {
  return {
    data: {
      set: state.set,
      classes: state.classes,
      noise: state.noise,
      trainFraction: state.train,
      seed: state.dataSeed,
      points: state.set === 'own' ? pointsOf(state) : undefined,
      validation: state.patience > 0,
    },
    network: { features: featuresOf(state), layers: layersOf(state), loss: lossOf(state), optimizer: state.optimizer },
    patience: state.patience,
  };
}

export function labLive(state: LabState): LabLive {
  return { learningRate: state.lr, regularizer: state.reg, regularizationRate: state.regRate, batchSize: state.batch };
}

export const hiddenParts = (state: LabState): Set<Hideable> => new Set(HIDEABLE.filter((p) => state[hideKey(p)]));
