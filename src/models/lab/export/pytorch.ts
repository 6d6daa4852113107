// A trained Lab network as a PyTorch script: the same layers, the trained parameters loaded into
// them, the Lab's loss, regularisation and optimiser, a loop to train further on the reader's own
// data, and predictions. Every choice matches what the Lab computes, so the script trained from the
// same start on the same batches takes the same steps.
import { outputUnits, type LabActivation } from '../spec.ts';
import { exportable, type LabExport } from './check.ts';
import { featuresFunction, header, mainBlock, parametersBlock, predictFunction, pySetting } from './python.ts';

export const PYTORCH_FILE = 'lab_network_pytorch.py';

const MODULES: Record<LabActivation, string> = {
  relu: 'nn.ReLU()',
  tanh: 'nn.Tanh()',
  sigmoid: 'nn.Sigmoid()',
  linear: 'nn.Identity()',
  // The exact GELU, x * Phi(x) (approximate='none' is PyTorch's default, written out).
  gelu: "nn.GELU(approximate='none')",
};

function modelBlock({ network, data }: LabExport): string {
  const sizes = [network.features.length, ...network.layers.map((l) => l.units)];
  const layers = network.layers.flatMap((l, i) => [
    `    nn.Linear(${sizes[i]}, ${l.units}),`,
    `    ${MODULES[l.activation]},`,
    ...(l.dropout > 0 ? [`    nn.Dropout(p=${pySetting(l.dropout)}),`] : []),
  ]);
  return [
    '# Each hidden layer is Linear, its activation and, where the Lab drops units in training,',
    '# Dropout (inverted: the kept units are scaled by 1 / (1 - p)). The output layer has no activation.',
    'model = nn.Sequential(',
    ...layers,
    `    nn.Linear(${sizes[sizes.length - 1]}, ${outputUnits(data)}),`,
    ')',
    'linears = [layer for layer in model if isinstance(layer, nn.Linear)]',
    '',
    '# nn.Linear keeps its weight as [units][inputs], the transpose of the layout above: hence the .T.',
    'with torch.no_grad():',
    '    for linear, (weights, biases) in zip(linears, PARAMETERS):',
    '        linear.weight.copy_(torch.tensor(weights, dtype=torch.float32).T)',
    '        linear.bias.copy_(torch.tensor(biases, dtype=torch.float32))',
  ].join('\n');
}

/** The loss as `loss_fn(outputs, wanted)`, and `targets(labels)`, the labels in the shape it takes. */
function lossBlock({ network, data }: LabExport): string {
  const multi = outputUnits(data) > 1;
  const targets = multi
    ? [
        'def targets(labels):',
        `    """Class indices 0 to ${outputUnits(data) - 1}, as integers."""`,
        '    return torch.as_tensor(labels, dtype=torch.long).reshape(-1)',
      ]
    : [
        'def targets(labels):',
        `    """${data.task === 'regression' ? 'The values' : 'Labels 0 or 1'} as a column of floats, the shape of the network's output."""`,
        '    return torch.as_tensor(labels, dtype=torch.float32).reshape(-1, 1)',
      ];
  const loss: Record<string, string[]> = {
    regression: ['# The loss: mean squared error between the output and the value.', 'loss_fn = nn.MSELoss()'],
    binaryCrossEntropy: [
      '# The loss: binary cross-entropy of the logit against the label (sigmoid and log in one stable step).',
      'loss_fn = nn.BCEWithLogitsLoss()',
    ],
    binaryMse: [
      '# The loss: mean squared error between the probability sigmoid(logit) and the label.',
      'squared_error = nn.MSELoss()',
      '',
      '',
      'def loss_fn(outputs, wanted):',
      '    return squared_error(torch.sigmoid(outputs), wanted)',
    ],
    binaryHinge: [
      '# The loss: hinge, the mean of max(0, 1 - t * logit) where t = 2 * label - 1 (labels 0, 1 become -1, +1).',
      'def loss_fn(outputs, wanted):',
      '    t = 2 * wanted - 1',
      '    return torch.clamp(1 - t * outputs, min=0).mean()',
    ],
    multiCrossEntropy: [
      '# The loss: cross-entropy of the softmax of the logits against the label (in one stable step).',
      'loss_fn = nn.CrossEntropyLoss()',
    ],
    multiMse: [
      '# The loss: mean squared error between the softmax probabilities and the one-hot label,',
      '# averaged over the batch and the classes.',
      'squared_error = nn.MSELoss()',
      '',
      '',
      'def loss_fn(outputs, wanted):',
      `    one_hot = nn.functional.one_hot(wanted, num_classes=${outputUnits(data)}).float()`,
      '    return squared_error(torch.softmax(outputs, dim=1), one_hot)',
    ],
    multiHinge: [
      '# The loss: multi-class hinge, for logits s and label y the sum over the other classes j of',
      '# max(0, 1 - s[y] + s[j]), divided by the number of classes and averaged over the batch.',
      'loss_fn = nn.MultiMarginLoss()',
    ],
  };
  const kind =
    data.task === 'regression'
      ? 'regression'
      : `${multi ? 'multi' : 'binary'}${{ crossEntropy: 'CrossEntropy', mse: 'Mse', hinge: 'Hinge' }[network.loss]}`;
  return [...loss[kind], '', '', ...targets].join('\n');
}

function optimizerBlock({ network }: LabExport): string {
  const settings = {
    sgd: 'lr=LEARNING_RATE',
    momentum: 'lr=LEARNING_RATE, momentum=0.9',
    adam: 'lr=LEARNING_RATE, betas=(0.9, 0.999), eps=1e-8',
  }[network.optimizer];
  const make = `torch.optim.${network.optimizer === 'adam' ? 'Adam' : 'SGD'}`;
  const rate = pySetting(network.regularizationRate);
  if (network.regularizer === 'l2') {
    return [
      '# L2 regularisation of the weights, not the biases: 0.5 * rate * sum(w^2) added to the loss has the',
      '# gradient rate * w, which is what weight_decay adds to the gradient, so the weights are a group',
      '# of their own.',
      'weights = [linear.weight for linear in linears]',
      'biases = [linear.bias for linear in linears]',
      `optimizer = ${make}(`,
      `    [{'params': weights, 'weight_decay': ${rate}}, {'params': biases, 'weight_decay': 0.0}],`,
      `    ${settings},`,
      ')',
    ].join('\n');
  }
  const lines = [`optimizer = ${make}(model.parameters(), ${settings})`];
  if (network.regularizer === 'l1') {
    lines.push(
      '',
      '',
      'def penalty():',
      '    """L1 regularisation of the weights, not the biases: rate * sum(|w|), added to the loss."""',
      `    return ${rate} * sum(linear.weight.abs().sum() for linear in linears)`,
    );
  }
  return lines.join('\n');
}

function trainFunction({ network, data }: LabExport): string {
  const penalty = network.regularizer === 'l1' ? ' + penalty()' : '';
  const point = data.oneDimensional ? '[[x1], ...]' : '[[x1, x2], ...]';
  return `def train(points, labels, epochs=100):
    """Trains the network further on your own data, as the Lab does: points ${point} and what each
    should give (its label, or its value), in shuffled mini-batches of BATCH_SIZE, for \`epochs\`
    passes over the data. Returns the mean loss of the last pass."""
    inputs, wanted = features(points), targets(labels)
    model.train()  # dropout on
    total = 0.0
    for _ in range(epochs):
        order = torch.randperm(len(inputs))
        total = 0.0
        for start in range(0, len(inputs), BATCH_SIZE):
            batch = order[start:start + BATCH_SIZE]
            optimizer.zero_grad()
            loss = loss_fn(model(inputs[batch]), wanted[batch])${penalty}
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
    model.eval()  # dropout off
    return total / len(inputs)


# To train further: print(train(my_points, my_labels, epochs=50)), then predict(my_points).`;
}

/**
 * The PyTorch script of a trained network. Throws LabExportError, with the reason the reader sees,
 * when the export is not well formed.
 */
export function pytorchCode(input: LabExport): string {
  const checked = exportable(input);
  const { network } = checked;
  return [
    header(checked, 'a PyTorch script', PYTORCH_FILE),
    '',
    'import json',
    'import sys',
    '',
    'import torch',
    'from torch import nn',
    '',
    '# Dropout and the shuffling of batches draw from PyTorch\'s generator: a fixed seed repeats a run.',
    'torch.manual_seed(0)',
    '',
    `LEARNING_RATE = ${pySetting(network.learningRate)}`,
    `BATCH_SIZE = ${network.batchSize}`,
    '',
    parametersBlock(checked),
    '',
    '',
    featuresFunction(checked, 'torch', 'float32'),
    '',
    '',
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
    predictFunction(checked, 'torch', [
      '    model.eval()  # dropout off',
      '    with torch.no_grad():',
      '        outputs = model(features(points))',
    ]),
    '',
    '',
    mainBlock(checked),
    '',
  ].join('\n');
}
