// What the PyTorch, Keras and NumPy scripts share: Python number literals, the header that says
// what the network is, the trained parameters as nested lists, the features, the predictions and
// the lines that run the script. The scripts are ASCII only, so that any editor and console shows
// them as written.
import { outputUnits, type LabFeature } from '../spec.ts';
import type { LabExport } from './check.ts';
import { float32Digits } from './json.ts';

/** The array library a piece of code is written for. */
export type ArrayLib = 'torch' | 'np';

function floatLiteral(v: number): string {
  const text = String(v);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** A parameter as a Python float with float32's full precision: `0.123456791`, `2.0`, `-1.5e-7`. */
export function pyFloat(v: number): string {
  return floatLiteral(float32Digits(v));
}

/** A setting (learning rate, regularisation rate) as a Python float, exactly as the Lab holds it. */
export function pySetting(v: number): string {
  return floatLiteral(v);
}

/** Each feature as a Python expression of the columns x1 and x2. */
const FEATURE_CODE: Record<LabFeature, (lib: ArrayLib) => string> = {
  x1: () => 'x1',
  x2: () => 'x2',
  x1sq: () => 'x1 ** 2',
  x2sq: () => 'x2 ** 2',
  x1x2: () => 'x1 * x2',
  sinx1: (lib) => `${lib}.sin(x1)`,
  sinx2: (lib) => `${lib}.sin(x2)`,
};

/** Each feature as the header names it. */
const FEATURE_NAMES: Record<LabFeature, string> = {
  x1: 'x1',
  x2: 'x2',
  x1sq: 'x1^2',
  x2sq: 'x2^2',
  x1x2: 'x1*x2',
  sinx1: 'sin(x1)',
  sinx2: 'sin(x2)',
};

const LOSS_NAMES = { mse: 'mean squared error', crossEntropy: 'cross-entropy', hinge: 'hinge' } as const;
const OPTIMIZER_NAMES = {
  sgd: 'plain SGD',
  momentum: 'SGD with momentum 0.9',
  adam: 'Adam (beta1 0.9, beta2 0.999, eps 1e-8)',
} as const;

/** A point as the scripts take it: [x1, x2], or [x1] for a curve y = f(x1). */
function pointShape({ data }: LabExport): string {
  return data.oneDimensional ? '[x1]' : '[x1, x2]';
}

/** The points the scripts predict when given none. */
export function examplePoints({ data }: LabExport): number[][] {
  return data.oneDimensional
    ? [[-5], [-2], [0], [1.5], [4]]
    : [
        [-4, 3],
        [-1.5, -2],
        [0, 0],
        [2, 1],
        [3.5, -4.5],
      ];
}

function taskLine({ data }: LabExport): string {
  if (data.task === 'regression') {
    return data.oneDimensional
      ? 'regression of a curve y = f(x1); the output is the predicted y.'
      : 'regression over the plane; the output is the predicted value at (x1, x2).';
  }
  return data.classes === 2
    ? 'classification into 2 classes (labels 0 and 1); the output is one logit, the log-odds of class 1.'
    : `classification into ${data.classes} classes (labels 0 to ${data.classes - 1}); the output is ${data.classes} logits, one per class.`;
}

/** The comment at the top of every script: what the network is, how it was trained, how to run it. */
export function header(input: LabExport, what: string, file: string): string {
  const { network, data, seed, step } = input;
  const layers = network.layers.map((l) => `${l.units} ${l.activation}${l.dropout > 0 ? ` (dropout ${l.dropout})` : ''}`);
  const regularizer =
    network.regularizer === 'none'
      ? ''
      : `, ${network.regularizer.toUpperCase()} regularisation ${pySetting(network.regularizationRate)} on the weights`;
  const lines = [
    `A network trained in the Lab of "Deep Learning, Live", as ${what}.`,
    `Task: ${taskLine(input)}`,
    `Inputs (${network.features.length}): ${network.features.map((f) => FEATURE_NAMES[f]).join(', ')}.`,
    `Layers: ${[`${network.features.length} inputs`, ...layers, `${outputUnits(data)} output${outputUnits(data) > 1 ? 's' : ''}`].join(' -> ')}.`,
    `Training: ${LOSS_NAMES[network.loss]} loss, mini-batches of ${network.batchSize}${regularizer}.`,
    `Optimiser: ${OPTIMIZER_NAMES[network.optimizer]}, learning rate ${pySetting(network.learningRate)}.`,
  ];
  if (step !== undefined || seed !== undefined) {
    const at = step !== undefined ? `at step ${step} ` : '';
    lines.push(`Parameters taken ${at}of the run${seed !== undefined ? ` with seed ${seed}` : ''}.`);
  }
  lines.push(
    '',
    `Run it: "python ${file}" prints the predictions at a few points, as JSON;`,
    `"python ${file} --stdin < points.json" at your own points, a JSON list [${pointShape(input)}, ...].`,
  );
  return lines.map((l) => (l ? `# ${l}` : '#')).join('\n');
}

/** The trained parameters as nested lists, one (weights, biases) pair per layer. */
export function parametersBlock(input: LabExport): string {
  const { network, parameters } = input;
  const hidden = network.layers.length;
  const entries = parameters.map((p, i) => {
    const inputs = p.weights.length;
    const units = p.biases.length;
    const name = i < hidden ? `hidden layer ${i + 1}, ${network.layers[i].activation}` : 'output layer';
    const rows = p.weights.map((row) => `            [${row.map(pyFloat).join(', ')}],`);
    return [
      `    # ${name}: ${inputs} inputs -> ${units} units`,
      '    (',
      '        [',
      ...rows,
      '        ],',
      `        [${p.biases.map(pyFloat).join(', ')}],`,
      '    ),',
    ].join('\n');
  });
  return [
    '# The trained parameters, layer by layer from the input side: the weights, where weights[i][j]',
    "# joins input i to unit j of the layer ([inputs][units], the Lab's layout), then one bias per unit.",
    'PARAMETERS = [',
    ...entries,
    ']',
  ].join('\n');
}

/** `def features(points)`: the network's inputs, one row per point, in the network's order. */
export function featuresFunction(input: LabExport, lib: ArrayLib, dtype: 'float32' | 'float64'): string {
  const { network, data } = input;
  const columns = data.oneDimensional ? 1 : 2;
  const toArray =
    lib === 'torch' ? `torch.as_tensor(points, dtype=torch.${dtype})` : `np.asarray(points, dtype=np.${dtype})`;
  const names = network.features.map((f) => FEATURE_NAMES[f]).join(', ');
  return [
    'def features(points):',
    `    """The network's inputs for points [${pointShape(input)}, ...]: ${names} (in this order)."""`,
    `    points = ${toArray}.reshape(-1, ${columns})`,
    data.oneDimensional ? '    x1 = points[:, 0]' : '    x1, x2 = points[:, 0], points[:, 1]',
    `    return ${lib}.stack([${network.features.map((f) => FEATURE_CODE[f](lib)).join(', ')}], ${lib === 'torch' ? 'dim' : 'axis'}=1)`,
  ].join('\n');
}

/**
 * `def predict(points)`: for each point, what the network says of it (the probability of class 1
 * and the class; every class's probability and the likeliest; or the value), as plain numbers.
 * `outputs` is the line that computes the outputs (n rows, one column per output unit).
 */
export function predictFunction(input: LabExport, lib: ArrayLib, outputs: string[]): string {
  const { data } = input;
  const body: string[] = [];
  if (data.task === 'regression') {
    body.push(
      '    """For each point, the value the network predicts."""',
      ...outputs,
      "    return [{'value': float(v)} for v in outputs[:, 0]]",
    );
  } else if (data.classes === 2) {
    body.push(
      '    """For each point, the probability of class 1 and the class (1 where that probability is above 0.5)."""',
      ...outputs,
      lib === 'torch'
        ? '    probabilities = torch.sigmoid(outputs[:, 0])'
        : '    probabilities = 0.5 * (1.0 + np.tanh(outputs[:, 0] / 2))  # the sigmoid, without overflow',
      "    return [{'probability': float(p), 'class': int(p > 0.5)} for p in probabilities]",
    );
  } else {
    body.push(
      '    """For each point, the probability of each class and the likeliest class."""',
      ...outputs,
      ...(lib === 'torch'
        ? ['    probabilities = torch.softmax(outputs, dim=1)']
        : [
            '    shifted = np.exp(outputs - outputs.max(axis=1, keepdims=True))  # softmax, without overflow',
            '    probabilities = shifted / shifted.sum(axis=1, keepdims=True)',
          ]),
      "    return [{'probabilities': [float(p) for p in row], 'class': int(row.argmax())} for row in probabilities]",
    );
  }
  return ['def predict(points):', ...body].join('\n');
}

/** The lines that run the script: predictions at the example points, or at points on stdin. */
export function mainBlock(input: LabExport): string {
  const points = examplePoints(input).map((p) => `[${p.map(pySetting).join(', ')}]`);
  return [
    `EXAMPLE_POINTS = [${points.join(', ')}]`,
    '',
    '',
    'def points_to_predict():',
    '    """The points given as JSON on standard input (with --stdin), or else EXAMPLE_POINTS."""',
    "    if '--stdin' in sys.argv[1:]:",
    '        return json.loads(sys.stdin.read())',
    '    return EXAMPLE_POINTS',
    '',
    '',
    "if __name__ == '__main__':",
    '    print(json.dumps(predict(points_to_predict()), indent=2))',
  ].join('\n');
}
