// What an export is made of, and the one check that every export and every saved file goes through:
// known names, numbers in the Lab's ranges, parameters whose shapes match the layers, every weight
// finite. A failure comes back as a reason the reader can act on, never as a throw.
import {
  ACTIVATIONS,
  FEATURES,
  LAB_OPTIMIZERS,
  LOSSES,
  lossFits,
  MAX_CLASSES,
  MAX_LAYERS,
  MAX_UNITS,
  MIN_CLASSES,
  outputUnits,
  REGULARIZERS,
  type LabData,
  type LabFeature,
  type LabLayer,
  type LabLayerWeights,
  type LabNetwork,
} from '../spec.ts';
import { exportStrings as s } from './strings.ts';

/** Everything an export needs: the network, what it predicts, its trained parameters and the run. */
export interface LabExport {
  network: LabNetwork;
  data: Pick<LabData, 'task' | 'classes' | 'oneDimensional'>;
  /** One entry per Linear layer, input side first: the hidden layers, then the output layer. */
  parameters: LabLayerWeights[];
  /** The run's seed and the step its parameters were taken at, when known. */
  seed?: number;
  step?: number;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The inputs that read x₂, which a curve y = f(x₁) does not have. */
const USES_X2: readonly LabFeature[] = ['x2', 'x2sq', 'x1x2', 'sinx2'];

/** Thrown inside the check only, and turned into its reason at the top. */
class Invalid extends Error {}

function fail(reason: string): never {
  throw new Invalid(reason);
}

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fields(value: unknown, path: string): Fields {
  return isFields(value) ? value : fail(s.shouldBe(path, s.anObject));
}

function field(from: Fields, key: string, path: string): unknown {
  return from[key] === undefined ? fail(s.missing(path)) : from[key];
}

function list(value: unknown, path: string): unknown[] {
  return Array.isArray(value) ? value : fail(s.shouldBe(path, s.aList));
}

function oneOf<T extends string>(value: unknown, known: readonly T[], path: string): T {
  if (typeof value === 'string' && (known as readonly string[]).includes(value)) return value as T;
  return fail(s.unknownName(path, String(value), known));
}

function wholeNumber(value: unknown, path: string, low: number, high = Number.MAX_SAFE_INTEGER): number {
  if (Number.isSafeInteger(value) && (value as number) >= low && (value as number) <= high) return value as number;
  return fail(s.shouldBe(path, high === Number.MAX_SAFE_INTEGER ? s.wholeNumberFrom(low) : s.wholeNumber(low, high)));
}

function numberWhere(value: unknown, path: string, fits: (v: number) => boolean, what: string): number {
  return typeof value === 'number' && Number.isFinite(value) && fits(value) ? value : fail(s.shouldBe(path, what));
}

function readData(value: unknown): LabExport['data'] {
  const d = fields(value, 'data');
  const task = oneOf(field(d, 'task', 'data.task'), ['classification', 'regression'] as const, 'data.task');
  const classes =
    task === 'classification'
      ? wholeNumber(field(d, 'classes', 'data.classes'), 'data.classes', MIN_CLASSES, MAX_CLASSES)
      : field(d, 'classes', 'data.classes') === 1
        ? 1
        : fail(s.regressionClasses);
  const oneDimensional = field(d, 'oneDimensional', 'data.oneDimensional');
  if (typeof oneDimensional !== 'boolean') fail(s.shouldBe('data.oneDimensional', s.trueOrFalse));
  return { task, classes, oneDimensional };
}

function readLayer(value: unknown, i: number): LabLayer {
  const path = `network.layers[${i}]`;
  const l = fields(value, path);
  return {
    units: wholeNumber(field(l, 'units', `${path}.units`), `${path}.units`, 1, MAX_UNITS),
    activation: oneOf(field(l, 'activation', `${path}.activation`), ACTIVATIONS, `${path}.activation`),
    dropout: numberWhere(field(l, 'dropout', `${path}.dropout`), `${path}.dropout`, (p) => p >= 0 && p < 1, s.dropoutRate),
  };
}

function readNetwork(value: unknown, data: LabExport['data']): LabNetwork {
  const n = fields(value, 'network');
  const features = list(field(n, 'features', 'network.features'), 'network.features').map((f, i) =>
    oneOf(f, FEATURES, `network.features[${i}]`),
  );
  if (features.length === 0) fail(s.noFeatures);
  const repeated = features.find((f, i) => features.indexOf(f) !== i);
  if (repeated) fail(s.repeatedFeature(repeated));
  const x2Feature = data.oneDimensional ? features.find((f) => USES_X2.includes(f)) : undefined;
  if (x2Feature) fail(s.curveFeature(x2Feature));
  const layerList = list(field(n, 'layers', 'network.layers'), 'network.layers');
  if (layerList.length > MAX_LAYERS) fail(s.tooManyLayers(layerList.length, MAX_LAYERS));
  const loss = oneOf(field(n, 'loss', 'network.loss'), LOSSES, 'network.loss');
  if (!lossFits(loss, data.task)) fail(s.lossNeedsClasses(loss));
  return {
    features,
    layers: layerList.map(readLayer),
    loss,
    optimizer: oneOf(field(n, 'optimizer', 'network.optimizer'), LAB_OPTIMIZERS, 'network.optimizer'),
    learningRate: numberWhere(field(n, 'learningRate', 'network.learningRate'), 'network.learningRate', (r) => r > 0, s.positiveNumber),
    regularizer: oneOf(field(n, 'regularizer', 'network.regularizer'), REGULARIZERS, 'network.regularizer'),
    regularizationRate: numberWhere(
      field(n, 'regularizationRate', 'network.regularizationRate'),
      'network.regularizationRate',
      (r) => r >= 0,
      s.nonNegativeNumber,
    ),
    batchSize: wholeNumber(field(n, 'batchSize', 'network.batchSize'), 'network.batchSize', 1),
  };
}

/** The name of Linear layer `i` of a network with `hidden` hidden layers, as the reasons say it. */
export function layerName(i: number, hidden: number): string {
  return i < hidden ? s.hiddenLayer(i + 1) : s.outputLayer;
}

function finiteNumbers(values: unknown[], layer: string): number[] {
  for (const v of values) {
    if (typeof v !== 'number') fail(s.notNumber(layer));
    if (!Number.isFinite(v)) fail(s.notFinite(layer));
  }
  return values as number[];
}

function readParameters(value: unknown, network: LabNetwork, data: LabExport['data']): LabLayerWeights[] {
  const layers = list(value, 'parameters');
  const hidden = network.layers.length;
  if (layers.length !== hidden + 1) fail(s.parameterLayers(layers.length, hidden + 1));
  const sizes = [network.features.length, ...network.layers.map((l) => l.units), outputUnits(data)];
  return layers.map((entry, i) => {
    const name = layerName(i, hidden);
    const path = `parameters[${i}]`;
    const p = fields(entry, path);
    const [inputs, units] = [sizes[i], sizes[i + 1]];
    const rows = list(field(p, 'weights', `${path}.weights`), `${path}.weights`);
    if (rows.length !== inputs) fail(s.weightRows(name, rows.length, inputs));
    const weights = rows.map((row, r) => {
      const values = list(row, `${path}.weights[${r}]`);
      if (values.length !== units) fail(s.weightColumns(name, r + 1, values.length, units));
      return [...finiteNumbers(values, name)];
    });
    const biases = list(field(p, 'biases', `${path}.biases`), `${path}.biases`);
    if (biases.length !== units) fail(s.biasCount(name, biases.length, units));
    return { weights, biases: [...finiteNumbers(biases, name)] };
  });
}

/**
 * `value` (an export about to be written, or a file's parsed JSON) as a well-formed export, copied
 * field by field (unknown fields are left behind), or the first reason it is not one.
 */
export function checkLabExport(value: unknown): Checked<LabExport> {
  try {
    const top = fields(value, 'network file');
    const data = readData(field(top, 'data', 'data'));
    const network = readNetwork(field(top, 'network', 'network'), data);
    const parameters = readParameters(field(top, 'parameters', 'parameters'), network, data);
    const out: LabExport = { network, data, parameters };
    if (top.seed !== undefined) out.seed = wholeNumber(top.seed, 'seed', 0);
    if (top.step !== undefined) out.step = wholeNumber(top.step, 'step', 0);
    return { ok: true, value: out };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, reason: e.message };
    throw e;
  }
}

/** Why `input` cannot be exported (non-finite weights, shapes that do not fit), or null when it can. */
export function labExportProblem(input: LabExport): string | null {
  const checked = checkLabExport(input);
  return checked.ok ? null : checked.reason;
}

/** An export refused, with the reader-facing reason as its message. */
export class LabExportError extends Error {}

/** `input`, checked: what the code writers start from. Throws LabExportError with the reason. */
export function exportable(input: LabExport): LabExport {
  const checked = checkLabExport(input);
  if (!checked.ok) throw new LabExportError(checked.reason);
  return checked.value;
}
