// The Lab's exports of a trained network. The JSON file: a round trip that gives back every number
// exactly, and malformed files refused with reasons. The PyTorch, Keras and NumPy scripts: they
// parse as Python, name the right layers, transposes, losses, regularisation and optimisers, and
// the NumPy script's predictions match a forward pass written here in plain JS and the engine's
// own. Where PyTorch or Keras is installed, their scripts' predictions, and two training steps on
// a full batch, match the engine too (tests named "skipped: ..." say what is missing). The
// Python used is python3, or the one LAB_EXPORT_PYTHON names.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abs, add, initEngine, liveTensorCount, losses, mul, nn, noGrad, optim, sigmoid, softmax, square, sum, tensor, tidy, type Tensor } from '../../src/engine/index.ts';
import { KERAS_FILE, kerasCode, labExportProblem, LabExportError, labJson, NUMPY_FILE, numpyCode, PYTORCH_FILE, pytorchCode, readLabJson, type LabExport } from '../../src/models/lab/export/index.ts';
import { examplePoints } from '../../src/models/lab/export/python.ts';
import { exportStrings } from '../../src/models/lab/export/strings.ts';
import type { LabActivation, LabFeature, LabLayer, LabLoss, LabNetwork } from '../../src/models/lab/spec.ts';

// #region fixtures
/** Reproducible numbers in [0, 1) (mulberry32), so that every network's weights are fixed. */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function network(overrides: Partial<LabNetwork>): LabNetwork {
  return { features: ['x1', 'x2'], layers: [], loss: 'crossEntropy', optimizer: 'sgd', learningRate: 0.03, regularizer: 'none', regularizationRate: 0, batchSize: 10, ...overrides };
}

const layer = (units: number, activation: LabActivation, dropout = 0): LabLayer => ({ units, activation, dropout });

/** A network with float32 weights drawn from `seed`, of the sizes its layers and task give. */
function trained(net: LabNetwork, data: LabExport['data'], seed: number): LabExport {
  const next = uniform(seed);
  const sizes = [net.features.length, ...net.layers.map((l) => l.units), data.task === 'classification' && data.classes > 2 ? data.classes : 1];
  const draw = (fanIn: number) => Math.fround(((next() * 2 - 1) * 1.5) / Math.sqrt(fanIn));
  const parameters = sizes.slice(1).map((units, i) => ({
    weights: Array.from({ length: sizes[i] }, () => Array.from({ length: units }, () => draw(sizes[i]))),
    biases: Array.from({ length: units }, () => draw(sizes[i])),
  }));
  return { network: net, data, parameters, seed, step: 250 + seed };
}

const binary = { task: 'classification', classes: 2, oneDimensional: false } as const;
const fourClasses = { task: 'classification', classes: 4, oneDimensional: false } as const;
const curve = { task: 'regression', classes: 1, oneDimensional: true } as const;

const NETWORKS: Record<string, LabExport> = {
  'no hidden layer (binary, mse, sgd)': trained(network({ features: ['x1', 'x2', 'x1sq'], loss: 'mse', batchSize: 8 }), binary, 1),
  '2-8-8-1 tanh (binary cross-entropy, L2, dropout)': trained(
    network({ layers: [layer(8, 'tanh', 0.2), layer(8, 'tanh')], regularizer: 'l2', regularizationRate: 0.01 }),
    binary,
    2,
  ),
  '3 gelu layers (4 classes, hinge, L1, adam)': trained(
    network({
      features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'],
      layers: [layer(6, 'gelu', 0.1), layer(5, 'gelu'), layer(4, 'gelu')],
      loss: 'hinge',
      optimizer: 'adam',
      learningRate: 0.01,
      regularizer: 'l1',
      regularizationRate: 0.01,
    }),
    fourClasses,
    3,
  ),
  'a curve y = f(x1) (regression, mse, momentum)': trained(
    network({ features: ['x1', 'x1sq', 'sinx1'], layers: [layer(8, 'relu'), layer(4, 'linear'), layer(3, 'sigmoid')], loss: 'mse', optimizer: 'momentum', learningRate: 0.1 }),
    curve,
    4,
  ),
};
// #endregion

// #region reference: the network's forward pass in plain JS
function featureValue(f: LabFeature, x1: number, x2: number): number {
  return { x1, x2, x1sq: x1 * x1, x2sq: x2 * x2, x1x2: x1 * x2, sinx1: Math.sin(x1), sinx2: Math.sin(x2) }[f];
}

/** erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)): every term positive, so no cancellation. */
function erf(x: number): number {
  if (Math.abs(x) > 6) return Math.sign(x);
  let term = x;
  let total = x;
  for (let n = 1; Math.abs(term) > 1e-17 * Math.abs(total); n++) {
    term *= (2 * x * x) / (2 * n + 1);
    total += term;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * total;
}

const ACTIVATE: Record<LabActivation, (z: number) => number> = {
  relu: (z) => Math.max(0, z),
  tanh: Math.tanh,
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  linear: (z) => z,
  gelu: (z) => 0.5 * z * (1 + erf(z / Math.SQRT2)),
};

function inputsOf({ network: net }: LabExport, point: number[]): number[] {
  return net.features.map((f) => featureValue(f, point[0], point[1] ?? 0));
}

function forwardJs(input: LabExport, point: number[]): number[] {
  let h = inputsOf(input, point);
  input.parameters.forEach(({ weights, biases }, i) => {
    const z = biases.map((b, j) => h.reduce((s, v, k) => s + v * weights[k][j], b));
    h = i < input.network.layers.length ? z.map(ACTIVATE[input.network.layers[i].activation]) : z;
  });
  return h;
}

type Prediction = { value: number } | { probability: number; class: number } | { probabilities: number[]; class: number };

/** What the scripts' predict() should say of each point, from the plain-JS outputs. */
function expectedPredictions(input: LabExport, points: number[][], outputs = points.map((p) => forwardJs(input, p))): Prediction[] {
  return outputs.map((o) => {
    if (input.data.task === 'regression') return { value: o[0] };
    if (o.length === 1) return { probability: 1 / (1 + Math.exp(-o[0])), class: o[0] > 0 ? 1 : 0 };
    const e = o.map((v) => Math.exp(v - Math.max(...o)));
    return { probabilities: e.map((v) => v / e.reduce((a, b) => a + b)), class: o.indexOf(Math.max(...o)) };
  });
}

function expectPredictions(actual: Prediction[], expected: Prediction[], tolerance: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i];
    const close = (x: number, y: number) => expect(Math.abs(x - y)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(y)));
    if ('value' in e) close((a as { value: number }).value, e.value);
    else {
      const got = a as Exclude<Prediction, { value: number }>;
      expect(got.class).toBe(e.class);
      if ('probability' in e) close((got as { probability: number }).probability, e.probability);
      else (got as { probabilities: number[] }).probabilities.forEach((p, j) => close(p, e.probabilities[j]));
    }
  });
}

function testPoints(input: LabExport, count: number, seed: number): number[][] {
  const next = uniform(seed);
  const draw = () => (next() * 2 - 1) * 6;
  return Array.from({ length: count }, () => (input.data.oneDimensional ? [draw()] : [draw(), draw()]));
}
// #endregion

// #region the engine's network
const MODULES: Record<LabActivation, () => nn.TensorModule> = {
  relu: () => new nn.ReLU(),
  tanh: () => new nn.Tanh(),
  sigmoid: () => new nn.Sigmoid(),
  linear: () => new nn.Identity(),
  gelu: () => new nn.GELU(),
};

/** The network in the engine, its parameters loaded through a state dict ([in, out] weights). */
function engineModel({ network: net, parameters }: LabExport, withDropout = true): nn.Sequential {
  const layers: nn.TensorModule[] = [];
  const state: nn.StateDict = {};
  const linear = (i: number) => {
    const { weights, biases } = parameters[i];
    state[`${layers.length}.weight`] = { shape: [weights.length, biases.length], values: weights.flat() };
    state[`${layers.length}.bias`] = { shape: [biases.length], values: biases };
    layers.push(new nn.Linear(weights.length, biases.length));
  };
  net.layers.forEach((l, i) => {
    linear(i);
    layers.push(MODULES[l.activation]());
    if (withDropout && l.dropout > 0) layers.push(new nn.Dropout(l.dropout));
  });
  linear(net.layers.length);
  const model = new nn.Sequential(...layers);
  model.loadStateDict(state);
  return model;
}

function engineOutputs(input: LabExport, points: number[][]): number[][] {
  const model = engineModel(input).eval();
  const x = tensor(points.map((p) => inputsOf(input, p)));
  const y = tidy(() => noGrad(() => model.forward(x)));
  const out = y.toArray() as number[][];
  [x, y, model].forEach((t) => t.dispose());
  return out;
}

/** The Lab's loss on a batch, as the brief of the Lab defines it, with its penalty on the weights. */
function labLoss(input: LabExport, out: Tensor, labels: number[], model: nn.Sequential): Tensor {
  const { loss } = input.network;
  const column = (values: number[]) => tensor(values.map((v) => [v]));
  const multi = out.shape[1] > 1;
  const data: Record<LabLoss, () => Tensor> = {
    mse: () => (input.data.task === 'regression' ? losses.mseLoss(out, column(labels)) : multi ? losses.mseLoss(softmax(out, 1), losses.oneHot(labels, out.shape[1])) : losses.mseLoss(sigmoid(out), column(labels))),
    crossEntropy: () => (multi ? losses.crossEntropy(out, labels) : losses.bceWithLogits(out, column(labels))),
    hinge: () => (multi ? losses.multiMarginLoss(out, labels) : losses.hingeLoss(out, column(labels.map((l) => 2 * l - 1)))),
  };
  const weights = model.namedParameters().filter(([name]) => name.endsWith('weight')).map(([, p]) => p);
  const rate = input.network.regularizationRate;
  if (input.network.regularizer === 'l2') return add(data[loss](), mul(weights.map((w) => sum(square(w))).reduce((a, b) => add(a, b)), rate / 2));
  if (input.network.regularizer === 'l1') return add(data[loss](), mul(weights.map((w) => sum(abs(w))).reduce((a, b) => add(a, b)), rate));
  return data[loss]();
}

/** The parameters after `steps` steps on the whole batch, as [weights, biases] per layer. */
function engineSteps(input: LabExport, points: number[][], labels: number[], steps: number): number[][][] {
  const model = engineModel(input, false);
  const lr = input.network.learningRate;
  const opt = { sgd: () => new optim.SGD(model, { lr }), momentum: () => new optim.SGD(model, { lr, momentum: 0.9 }), adam: () => new optim.Adam(model, { lr }) }[input.network.optimizer]();
  const x = tensor(points.map((p) => inputsOf(input, p)));
  for (let s = 0; s < steps; s++) {
    opt.zeroGrad();
    labLoss(input, model.forward(x), labels, model).backward();
    opt.step();
  }
  const params = model.parameters().map((p) => p.toArray() as number[] | number[][]);
  [x, model, opt].forEach((t) => t.dispose());
  return params.map((p) => (Array.isArray(p[0]) ? (p as number[][]) : [p as number[]]));
}
// #endregion

// #region Python
const PYTHON = process.env.LAB_EXPORT_PYTHON ?? 'python3';
const QUIET = { TF_CPP_MIN_LOG_LEVEL: '3' };

function python(args: string[], input = '', env: Record<string, string> = {}) {
  return spawnSync(PYTHON, args, { input, encoding: 'utf8', env: { ...process.env, ...QUIET, ...env }, timeout: 180_000 });
}
const works = (code: string, env: Record<string, string> = {}) => python(['-c', code], '', env).status === 0;

const hasPython = works('pass');
const hasNumpy = hasPython && works('import numpy');
const hasTorch = hasNumpy && works('import torch');
/** Keras's environment: its default backend, or PyTorch's where that is the one installed. */
const kerasEnv: Record<string, string> | null = !hasNumpy ? null : works('import keras') ? {} : hasTorch && works('import keras', { KERAS_BACKEND: 'torch' }) ? { KERAS_BACKEND: 'torch' } : null;
const missing = (what: string, present: boolean) => (present ? '' : ` (skipped: ${what} is not installed)`);

function parsesAsPython(code: string): string {
  const r = python(['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], code);
  return r.status === 0 ? '' : r.stderr;
}

let folder = '';
/** Runs a script with `points` on stdin, and returns what it printed, read as JSON. */
function runScript(name: string, code: string, points: number[][], env: Record<string, string> = {}): Prediction[] {
  const file = join(folder, name);
  writeFileSync(file, code);
  const r = python([file, '--stdin'], JSON.stringify(points), env);
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Prediction[];
}

/** Runs a script's own train() for `epochs` passes of one full batch and reads back its parameters. */
function trainScript(code: string, points: number[][], labels: number[], epochs: number, read: string, env: Record<string, string> = {}): number[][][] {
  const file = join(folder, 'lab_network_train.py');
  writeFileSync(file, code);
  const run = [
    'import json, sys',
    `ns = {'__name__': 'lab_network'}`,
    `exec(compile(open(${JSON.stringify(file)}).read(), 'lab_network.py', 'exec'), ns)`,
    `ns['BATCH_SIZE'] = ${points.length}`,
    `ns['train'](${JSON.stringify(points)}, ${JSON.stringify(labels)}, epochs=${epochs})`,
    `print(json.dumps(${read}))`,
  ].join('\n');
  const r = python(['-c', run], '', env);
  if (r.status !== 0) throw new Error(`train() failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as number[][][];
}
// #endregion

let baseline = 0;
beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
  baseline = liveTensorCount();
  folder = mkdtempSync(join(tmpdir(), 'lab-export-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// #region JSON
describe('labJson and readLabJson', () => {
  it.each(Object.entries(NETWORKS))('gives back %s exactly', (_, input) => {
    const text = labJson(input);
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(doc.format).toBe('deep-learning-live/lab-network');
    expect(doc.version).toBe(1);
    expect(readLabJson(text)).toEqual({ ok: true, value: input });
    // A row of weights is one line: the file reads as matrices.
    expect(text).toContain(`[${input.parameters[0].weights[0].map((v) => Number(v.toPrecision(9))).join(', ')}]`);
  });

  it('keeps float32 numbers exact and leaves out a seed and step not given', () => {
    const input = trained(network({}), binary, 9);
    input.parameters[0].weights[0][0] = Math.fround(0.1);
    delete input.seed;
    delete input.step;
    const back = readLabJson(labJson(input));
    expect(back.ok && back.value.parameters[0].weights[0][0]).toBe(Math.fround(0.1));
    expect(back).toEqual({ ok: true, value: input });
    expect(labJson(input)).not.toMatch(/"seed"|"step"/);
  });

  const good = NETWORKS['2-8-8-1 tanh (binary cross-entropy, L2, dropout)'];
  /** The file of `good`, changed by `edit` on its parsed JSON. */
  const edited = (edit: (doc: any) => void) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const doc = JSON.parse(labJson(good));
    edit(doc);
    return JSON.stringify(doc);
  };
  const refusals: [string, string, RegExp][] = [
    ['text that is not JSON', '{"format": ', /not valid JSON/],
    ['a list', '[1, 2]', /not an object/],
    ['another format', edited((d) => (d.format = 'keras')), /not a network saved by the Lab/],
    ['a newer version', edited((d) => (d.version = 2)), /version 2 .*newer/],
    ['a version that is not a whole number', edited((d) => (d.version = '1')), /"version" should be the whole number 1/],
    ['an unknown activation', edited((d) => (d.network.layers[1].activation = 'swish')), /"network\.layers\[1\]\.activation" is "swish".*relu, tanh, sigmoid, linear, gelu/],
    ['an unknown feature', edited((d) => (d.network.features = ['x1', 'x3'])), /"network\.features\[1\]" is "x3"/],
    ['a feature twice', edited((d) => (d.network.features = ['x1', 'x1'])), /"x1" is listed twice/],
    ['a missing loss', edited((d) => delete d.network.loss), /no "network\.loss"/],
    ['too many units', edited((d) => (d.network.layers[0].units = 9)), /units" should be a whole number from 1 to 8/],
    ['a dropout of 1', edited((d) => (d.network.layers[0].dropout = 1)), /dropout" should be a number from 0 up to/],
    ['a batch of 0', edited((d) => (d.network.batchSize = 0)), /batchSize" should be a whole number, 1 or more/],
    ['6 classes', edited((d) => (d.data.classes = 6)), /"data\.classes" should be a whole number from 2 to 5/],
    ['a regression with hinge loss', edited((d) => Object.assign(d.data, { task: 'regression', classes: 1 }) && (d.network.loss = 'hinge')), /"hinge" needs classes/],
    ['a curve that reads x2', edited((d) => Object.assign(d.data, { task: 'regression', classes: 1, oneDimensional: true }) && (d.network.loss = 'mse')), /curve .* "x2"/],
    ['a missing layer of parameters', edited((d) => d.parameters.pop()), /parameters of 2 layers; this network has 3/],
    ['a missing row of weights', edited((d) => d.parameters[1].weights.pop()), /weights of hidden layer 2 have 7 rows; .*: 8/],
    ['a row one number too long', edited((d) => d.parameters[2].weights[2].push(0.5)), /Row 3 of the weights of the output layer has 2 numbers; .*: 1/],
    ['too few biases', edited((d) => d.parameters[0].biases.pop()), /biases of hidden layer 1 are 7 numbers/],
    ['a weight that is not a number', edited((d) => (d.parameters[0].weights[0][0] = 'NaN')), /hidden layer 1 is not a number/],
    ['an infinite weight', edited((d) => (d.parameters[0].weights[0][0] = 1)).replace('[1,', '[1e999,'), /hidden layer 1 is not a finite number/],
  ];
  it.each(refusals)('refuses %s with a reason', (_, text, reason) => {
    const read = readLabJson(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(reason);
  });

  it('takes its reasons from the catalogue', () => {
    expect(readLabJson('[1]')).toEqual({ ok: false, reason: exportStrings.notObject });
    expect(readLabJson(edited((d) => d.parameters[0].biases.pop()))).toEqual({ ok: false, reason: exportStrings.biasCount('hidden layer 1', 7, 8) });
  });

  it('refuses to export a diverged run, saying why, in every format', () => {
    const diverged = structuredClone(good);
    diverged.parameters[2].biases[0] = NaN;
    const reason = exportStrings.notFinite(exportStrings.outputLayer);
    expect(labExportProblem(diverged)).toBe(reason);
    expect(labExportProblem(good)).toBeNull();
    for (const write of [labJson, pytorchCode, kerasCode, numpyCode]) {
      expect(() => write(diverged)).toThrow(LabExportError);
      expect(() => write(diverged)).toThrow(reason);
    }
  });
});
// #endregion

// #region the scripts
const WRITERS = { pytorch: pytorchCode, keras: kerasCode, numpy: numpyCode };

/** Every loss the Lab offers, on each kind of output, for the scripts' choice of loss. */
const LOSS_CASES: [string, LabExport, string[], string[]][] = [
  ['regression, mse', trained(network({ loss: 'mse' }), { task: 'regression', classes: 1, oneDimensional: false }, 5), ['loss_fn = nn.MSELoss()', 'dtype=torch.float32).reshape(-1, 1)'], ['loss_fn = keras.losses.MeanSquaredError()']],
  ['binary, cross-entropy', trained(network({}), binary, 5), ['loss_fn = nn.BCEWithLogitsLoss()'], ['loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)']],
  ['binary, mse', trained(network({ loss: 'mse' }), binary, 5), ['return squared_error(torch.sigmoid(outputs), wanted)'], ['keras.losses.mean_squared_error(y_true, keras.activations.sigmoid(y_pred))']],
  ['binary, hinge', trained(network({ loss: 'hinge' }), binary, 5), ['t = 2 * wanted - 1', 'torch.clamp(1 - t * outputs, min=0).mean()'], ['loss_fn = keras.losses.Hinge()', 'return 2 * np.asarray(labels, dtype=np.float32).reshape(-1, 1) - 1']],
  ['4 classes, cross-entropy', trained(network({}), fourClasses, 5), ['loss_fn = nn.CrossEntropyLoss()', 'dtype=torch.long'], ['loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)']],
  ['4 classes, mse', trained(network({ loss: 'mse' }), fourClasses, 5), ['one_hot(wanted, num_classes=4).float()', 'squared_error(torch.softmax(outputs, dim=1), one_hot)'], ['keras.activations.softmax(y_pred)', 'np.eye(4, dtype=np.float32)']],
  ['4 classes, hinge', trained(network({ loss: 'hinge' }), fourClasses, 5), ['loss_fn = nn.MultiMarginLoss()'], ['keras.ops.relu(1.0 - score_of_label + y_pred) * (1.0 - y_true)', 'keras.ops.sum(margins, axis=1) / 4']],
];

describe('the scripts, as text', () => {
  it.each(LOSS_CASES)('choose the loss for %s', (_, input, torchLines, kerasLines) => {
    for (const line of torchLines) expect(pytorchCode(input)).toContain(line);
    for (const line of kerasLines) expect(kerasCode(input)).toContain(line);
  });

  it('load PyTorch weights transposed and Keras kernels as they are', () => {
    const input = NETWORKS['2-8-8-1 tanh (binary cross-entropy, L2, dropout)'];
    const torch = pytorchCode(input);
    expect(torch).toContain('linear.weight.copy_(torch.tensor(weights, dtype=torch.float32).T)');
    expect(torch).toContain('linear.bias.copy_(torch.tensor(biases, dtype=torch.float32))');
    const sequential = torch.slice(torch.indexOf('model = nn.Sequential(\n'), torch.indexOf('\n)\n'));
    expect(sequential.split('\n').slice(1).map((l) => l.trim())).toEqual(['nn.Linear(2, 8),', 'nn.Tanh(),', 'nn.Dropout(p=0.2),', 'nn.Linear(8, 8),', 'nn.Tanh(),', 'nn.Linear(8, 1),']);
    const keras = kerasCode(input);
    expect(keras).toContain('model.set_weights([np.asarray(array, dtype=np.float32) for layer in PARAMETERS for array in layer])');
    expect(keras).not.toContain('.T');
    // The first row of the first layer's weights, written as the scripts write it.
    const row = input.parameters[0].weights[0].map((v) => String(Number(v.toPrecision(9)))).join(', ');
    for (const code of [torch, keras, numpyCode(input)]) expect(code).toContain(`[${row}]`);
  });

  it('regularise the weights only: a weight-decay group in PyTorch, rate / 2 in Keras; L1 as a penalty', () => {
    const l2 = NETWORKS['2-8-8-1 tanh (binary cross-entropy, L2, dropout)'];
    expect(pytorchCode(l2)).toContain("[{'params': weights, 'weight_decay': 0.01}, {'params': biases, 'weight_decay': 0.0}]");
    expect(kerasCode(l2).match(/kernel_regularizer=keras\.regularizers\.L2\(0\.01 \/ 2\)/g)).toHaveLength(3);
    const l1 = NETWORKS['3 gelu layers (4 classes, hinge, L1, adam)'];
    expect(pytorchCode(l1)).toContain('return 0.01 * sum(linear.weight.abs().sum() for linear in linears)');
    expect(pytorchCode(l1)).toContain('loss = loss_fn(model(inputs[batch]), wanted[batch]) + penalty()');
    expect(pytorchCode(l1)).not.toContain('weight_decay');
    expect(kerasCode(l1).match(/kernel_regularizer=keras\.regularizers\.L1\(0\.01\)/g)).toHaveLength(4);
    const none = NETWORKS['no hidden layer (binary, mse, sgd)'];
    expect(pytorchCode(none)).not.toMatch(/weight_decay|penalty/);
    expect(kerasCode(none)).not.toContain('regularizer');
  });

  it('name the optimiser with its settings, exact GELU and the features', () => {
    const gelu = NETWORKS['3 gelu layers (4 classes, hinge, L1, adam)'];
    expect(pytorchCode(gelu)).toContain('torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, betas=(0.9, 0.999), eps=1e-8)');
    expect(pytorchCode(gelu)).toContain("nn.GELU(approximate='none')");
    expect(kerasCode(gelu)).toContain('keras.optimizers.Adam(learning_rate=LEARNING_RATE, beta_1=0.9, beta_2=0.999, epsilon=1e-8)');
    expect(kerasCode(gelu)).toContain('return keras.activations.gelu(x, approximate=False)');
    expect(numpyCode(gelu)).toContain('np.vectorize(math.erf');
    expect(numpyCode(gelu)).toContain('return np.stack([x1, x2, x1 ** 2, x2 ** 2, x1 * x2, np.sin(x1), np.sin(x2)], axis=1)');
    const momentum = NETWORKS['a curve y = f(x1) (regression, mse, momentum)'];
    expect(pytorchCode(momentum)).toContain('torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=0.9)');
    expect(pytorchCode(momentum)).toContain('LEARNING_RATE = 0.1\n');
    expect(kerasCode(momentum)).toContain('keras.optimizers.SGD(learning_rate=LEARNING_RATE, momentum=0.9)');
    expect(pytorchCode(momentum)).toContain('x1 = points[:, 0]\n    return torch.stack([x1, x1 ** 2, torch.sin(x1)], dim=1)');
    expect(pytorchCode(NETWORKS['no hidden layer (binary, mse, sgd)'])).toContain('torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)\n');
  });

  it('are plain ASCII', () => {
    for (const input of Object.values(NETWORKS)) {
      for (const write of Object.values(WRITERS)) expect(write(input)).toMatch(/^[\x20-\x7e\n]*$/);
    }
  });
});

describe('the scripts, in Python', () => {
  it.skipIf(!hasPython).each([...Object.entries(NETWORKS), ...LOSS_CASES.map(([name, input]) => [name, input] as const)])(
    `parse as Python: %s${missing('python3', hasPython)}`,
    (_, input) => {
      for (const [name, write] of Object.entries(WRITERS)) expect(parsesAsPython(write(input)), name).toBe('');
    },
  );

  it.skipIf(!hasNumpy).each(Object.entries(NETWORKS))(`the NumPy script predicts as plain JS and the engine do: %s${missing('NumPy', hasNumpy)}`, (_, input) => {
    const points = testPoints(input, 40, 11);
    const expected = expectedPredictions(input, points);
    expectPredictions(runScript(NUMPY_FILE, numpyCode(input), points), expected, 1e-7);
    expectPredictions(expectedPredictions(input, points, engineOutputs(input, points)), expected, 1e-5);
    expect(liveTensorCount()).toBe(baseline);
    // Run as it is, it predicts at its example points.
    const r = python([join(folder, NUMPY_FILE)]);
    expectPredictions(JSON.parse(r.stdout) as Prediction[], expectedPredictions(input, examplePoints(input)), 1e-7);
  });

  it.skipIf(!hasTorch).each(Object.entries(NETWORKS))(`the PyTorch script predicts as the engine does: %s${missing('PyTorch', hasTorch)}`, (_, input) => {
    const points = testPoints(input, 40, 12);
    expectPredictions(runScript(PYTORCH_FILE, pytorchCode(input), points), expectedPredictions(input, points, engineOutputs(input, points)), 1e-5);
  });

  it.skipIf(!kerasEnv).each(Object.entries(NETWORKS))(`the Keras script predicts as the engine does: %s${missing('Keras', !!kerasEnv)}`, (_, input) => {
    const points = testPoints(input, 40, 13);
    expectPredictions(runScript(KERAS_FILE, kerasCode(input), points, kerasEnv!), expectedPredictions(input, points, engineOutputs(input, points)), 1e-5);
  });

  /** Without dropout (its random masks differ from framework to framework), two full-batch steps. */
  const stepCases = [...Object.entries(NETWORKS), ...LOSS_CASES.map(([name, input]) => [name, input] as const)].map(([name, input]) => {
    const net = { ...input.network, layers: input.network.layers.map((l) => ({ ...l, dropout: 0 })) };
    const points = testPoints(input, 12, 14);
    const labels = points.map((_, i) => (input.data.task === 'regression' ? Math.sin(i) : i % input.data.classes));
    return [name, { ...input, network: net }, points, labels] as const;
  });
  const shapes = (params: number[][][]) => params.map((p) => [p.length, p[0].length]);
  const closeTo = (got: number[][][], want: number[][][]) => {
    expect(shapes(got)).toEqual(shapes(want));
    got.forEach((p, i) => p.forEach((row, r) => row.forEach((v, c) => expect(Math.abs(v - want[i][r][c]), `parameter ${i} [${r}][${c}]`).toBeLessThan(2e-5))));
  };

  it.skipIf(!hasTorch).each(stepCases)(`the PyTorch script trains as the engine does: %s${missing('PyTorch', hasTorch)}`, (_, input, points, labels) => {
    const read = '[p for linear in ns["linears"] for p in (linear.weight.T.tolist(), [linear.bias.tolist()])]';
    closeTo(trainScript(pytorchCode(input), [...points], [...labels], 2, read), engineSteps(input, [...points], [...labels], 2));
  });

  it.skipIf(!kerasEnv).each(stepCases)(`the Keras script trains as the engine does: %s${missing('Keras', !!kerasEnv)}`, (_, input, points, labels) => {
    const read = '[w.tolist() if w.ndim == 2 else [w.tolist()] for w in ns["model"].get_weights()]';
    closeTo(trainScript(kerasCode(input), [...points], [...labels], 2, read, kerasEnv!), engineSteps(input, [...points], [...labels], 2));
  });
});
// #endregion
