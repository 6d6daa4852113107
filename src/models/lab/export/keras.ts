// A trained Lab network as a Keras script (Keras 3, or tf.keras 2.x except where a line says
// otherwise): the same layers with the trained parameters, the Lab's loss (a custom one where no
// built-in computes exactly the same), its regularisation and optimiser, fit() on the reader's own
// data, and predictions.
import { outputUnits, type LabActivation } from '../spec.ts';
import { exportable, type LabExport } from './check.ts';
import { featuresFunction, header, mainBlock, parametersBlock, predictFunction, pySetting } from './python.ts';

export const KERAS_FILE = 'lab_network_keras.py';

const ACTIVATIONS: Record<LabActivation, string> = {
  relu: "'relu'",
  tanh: "'tanh'",
  sigmoid: "'sigmoid'",
  linear: "'linear'",
  gelu: 'exact_gelu',
};

const EXACT_GELU = `def exact_gelu(x):
    """GELU in its exact form x * Phi(x), Phi the standard normal CDF (the Lab's and PyTorch's),
    not the tanh approximation."""
    return keras.activations.gelu(x, approximate=False)`;

function modelBlock({ network, data }: LabExport): string {
  const rate = pySetting(network.regularizationRate);
  // Keras's L2(l) adds l * sum(w^2) to the loss and the Lab 0.5 * rate * sum(w^2): hence rate / 2.
  const regularizer = { none: '', l1: `keras.regularizers.L1(${rate})`, l2: `keras.regularizers.L2(${rate} / 2)` }[network.regularizer];
  const dense = (units: number, activation: string | null) => {
    const options = [activation ? `activation=${activation}` : '', regularizer ? `kernel_regularizer=${regularizer}` : ''];
    return `    keras.layers.Dense(${[String(units), ...options.filter(Boolean)].join(', ')}),`;
  };
  const notes = [
    '# Each hidden layer is Dense with its activation and, where the Lab drops units in training,',
    '# Dropout (inverted: the kept units are scaled by 1 / (1 - p)). The output layer has no activation.',
  ];
  if (network.regularizer === 'l2') {
    notes.push('# L2 on the weights, not the biases: the Lab adds 0.5 * rate * sum(w^2), Keras\'s L2(l) adds l * sum(w^2).');
  } else if (network.regularizer === 'l1') {
    notes.push('# L1 on the weights, not the biases: rate * sum(|w|), as the Lab adds it.');
  }
  return [
    ...notes,
    'model = keras.Sequential([',
    `    keras.Input(shape=(${network.features.length},)),`,
    ...network.layers.flatMap((l) => [
      dense(l.units, ACTIVATIONS[l.activation]),
      ...(l.dropout > 0 ? [`    keras.layers.Dropout(${pySetting(l.dropout)}),`] : []),
    ]),
    dense(outputUnits(data), null),
    '])',
    '',
    '# Dense keeps its kernel as [inputs][units], the layout above: no transpose.',
    'model.set_weights([np.asarray(array, dtype=np.float32) for layer in PARAMETERS for array in layer])',
  ].join('\n');
}

/** The loss `loss_fn`, and `targets(labels)`: the labels in the form that loss takes. */
function lossBlock({ network, data }: LabExport): string {
  const classes = outputUnits(data);
  const column = (what: string, expr: string) => [
    'def targets(labels):',
    `    """${what}, as a column of floats: the shape of the network's output."""`,
    `    return ${expr}`,
  ];
  const floats = 'np.asarray(labels, dtype=np.float32).reshape(-1, 1)';
  const oneHot = [
    'def targets(labels):',
    `    """Class indices 0 to ${classes - 1} as one-hot rows of floats."""`,
    `    return np.eye(${classes}, dtype=np.float32)[np.asarray(labels, dtype=np.int64).reshape(-1)]`,
  ];
  if (data.task === 'regression') {
    return ['# The loss: mean squared error between the output and the value.', 'loss_fn = keras.losses.MeanSquaredError()', '', '', ...column('The values', floats)].join('\n');
  }
  const lines: string[] =
    classes === 1
      ? {
          crossEntropy: [
            '# The loss: binary cross-entropy of the logit against the label (sigmoid and log in one stable step).',
            'loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)',
            '',
            '',
            ...column('Labels 0 or 1', floats),
          ],
          mse: [
            'def loss_fn(y_true, y_pred):',
            '    """Mean squared error between the probability sigmoid(logit) and the label."""',
            '    return keras.losses.mean_squared_error(y_true, keras.activations.sigmoid(y_pred))',
            '',
            '',
            ...column('Labels 0 or 1', floats),
          ],
          hinge: [
            '# The loss: hinge, the mean of max(0, 1 - t * logit) for t = -1 or +1.',
            'loss_fn = keras.losses.Hinge()',
            '',
            '',
            ...column('Labels 0 and 1 written as t = -1 and +1 (t = 2 * label - 1)', `2 * ${floats} - 1`),
          ],
        }[network.loss]
      : {
          crossEntropy: [
            '# The loss: cross-entropy of the softmax of the logits against the label (in one stable step).',
            'loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)',
            '',
            '',
            'def targets(labels):',
            `    """Class indices 0 to ${classes - 1}, as integers."""`,
            '    return np.asarray(labels, dtype=np.int64).reshape(-1)',
          ],
          mse: [
            'def loss_fn(y_true, y_pred):',
            '    """Mean squared error between the softmax probabilities and the one-hot label, over the classes."""',
            '    return keras.losses.mean_squared_error(y_true, keras.activations.softmax(y_pred))',
            '',
            '',
            ...oneHot,
          ],
          hinge: [
            'def loss_fn(y_true, y_pred):',
            '    """Multi-class hinge as PyTorch\'s MultiMarginLoss computes it: for logits s and label y, the sum',
            '    over the other classes j of max(0, 1 - s[y] + s[j]), divided by the number of classes (Keras\'s',
            '    CategoricalHinge takes the largest term instead). keras.ops needs Keras 3."""',
            '    score_of_label = keras.ops.sum(y_true * y_pred, axis=1, keepdims=True)',
            '    margins = keras.ops.relu(1.0 - score_of_label + y_pred) * (1.0 - y_true)',
            `    return keras.ops.sum(margins, axis=1) / ${classes}`,
            '',
            '',
            ...oneHot,
          ],
        }[network.loss];
  return lines.join('\n');
}

function optimizerBlock({ network }: LabExport): string {
  const make = {
    sgd: ['optimizer = keras.optimizers.SGD(learning_rate=LEARNING_RATE)'],
    momentum: [
      "# Keras's velocity is -learning_rate times PyTorch's (and the Lab's): at a fixed rate, the same steps.",
      'optimizer = keras.optimizers.SGD(learning_rate=LEARNING_RATE, momentum=0.9)',
    ],
    adam: [
      '# Keras adds epsilon to sqrt(v) before correcting v for its bias, PyTorch and the Lab after: the steps',
      '# differ only where a gradient is as small as epsilon.',
      'optimizer = keras.optimizers.Adam(learning_rate=LEARNING_RATE, beta_1=0.9, beta_2=0.999, epsilon=1e-8)',
    ],
  }[network.optimizer];
  return [...make, 'model.compile(optimizer=optimizer, loss=loss_fn)'].join('\n');
}

function trainFunction({ data }: LabExport): string {
  const point = data.oneDimensional ? '[[x1], ...]' : '[[x1, x2], ...]';
  return `def train(points, labels, epochs=100):
    """Trains the network further on your own data, as the Lab does: points ${point} and what each
    should give (its label, or its value), in shuffled mini-batches of BATCH_SIZE, for \`epochs\`
    passes over the data. Returns the mean loss of the last pass."""
    history = model.fit(features(points), targets(labels), batch_size=BATCH_SIZE, epochs=epochs,
                        shuffle=True, verbose=0)
    return history.history['loss'][-1]


# To train further: print(train(my_points, my_labels, epochs=50)), then predict(my_points).`;
}

/**
 * The Keras script of a trained network. Throws LabExportError, with the reason the reader sees,
 * when the export is not well formed.
 */
export function kerasCode(input: LabExport): string {
  const checked = exportable(input);
  const { network } = checked;
  const usesGelu = network.layers.some((l) => l.activation === 'gelu');
  return [
    header(checked, 'a Keras script', KERAS_FILE),
    '',
    'import json',
    'import sys',
    '',
    'import keras',
    'import numpy as np',
    '',
    '# Dropout and the shuffling of batches draw from this seed: a fixed one repeats a run.',
    'keras.utils.set_random_seed(0)',
    '',
    `LEARNING_RATE = ${pySetting(network.learningRate)}`,
    `BATCH_SIZE = ${network.batchSize}`,
    '',
    parametersBlock(checked),
    '',
    '',
    featuresFunction(checked, 'np', 'float32'),
    '',
    '',
    ...(usesGelu ? [EXACT_GELU, '', ''] : []),
    modelBlock(checked),
    '',
    '',
    lossBlock(checked),
    '',
    '',
    optimizerBlock(checked),
    '',
    '',
    trainFunction(checked),
    '',
    '',
    predictFunction(checked, 'np', ['    outputs = np.asarray(model.predict(features(points), verbose=0), dtype=np.float64)']),
    '',
    '',
    mainBlock(checked),
    '',
  ].join('\n');
}
