// A trained Lab network as a NumPy script: the forward pass alone, in float64, so that a reader
// with no deep-learning framework can run the network and check it against the Lab's pictures.
// Run as it is, the script prints its predictions at a few points as JSON.
import { exportable, type LabExport } from './check.ts';
import { featuresFunction, header, mainBlock, parametersBlock, predictFunction } from './python.ts';

export const NUMPY_FILE = 'lab_network_numpy.py';

const ACTIVATIONS = `# GELU is the exact z * Phi(z), Phi the standard normal CDF written with erf (PyTorch's default),
# not the tanh approximation; math.erf is applied entry by entry.
_erf = np.vectorize(math.erf, otypes=[np.float64])

ACTIVATIONS = {
    'relu': lambda z: np.maximum(z, 0.0),
    'tanh': np.tanh,
    'sigmoid': lambda z: 0.5 * (1.0 + np.tanh(z / 2)),  # 1 / (1 + exp(-z)), without overflow
    'linear': lambda z: z,
    'gelu': lambda z: 0.5 * z * (1.0 + _erf(z / math.sqrt(2.0))),
}`;

const FORWARD = `def outputs_of(points):
    """The output layer's values for each point (logits, or the predicted value): one row per point."""
    h = features(points)
    for layer, (weights, biases) in enumerate(PARAMETERS):
        h = h @ np.asarray(weights, dtype=np.float64) + np.asarray(biases, dtype=np.float64)
        if layer < len(HIDDEN_ACTIVATIONS):
            h = ACTIVATIONS[HIDDEN_ACTIVATIONS[layer]](h)
    return h`;

/**
 * The NumPy script of a trained network. Throws LabExportError, with the reason the reader sees,
 * when the export is not well formed.
 */
export function numpyCode(input: LabExport): string {
  const checked = exportable(input);
  const activations = checked.network.layers.map((l) => `'${l.activation}'`).join(', ');
  return [
    header(checked, 'a NumPy script that computes its predictions (no training)', NUMPY_FILE),
    '',
    'import json',
    'import math',
    'import sys',
    '',
    'import numpy as np',
    '',
    parametersBlock(checked),
    '',
    '# The activation of each hidden layer, input side first. Dropout acts only in training: a',
    '# prediction uses every unit, so it does not appear here.',
    `HIDDEN_ACTIVATIONS = [${activations}]`,
    '',
    ACTIVATIONS,
    '',
    '',
    featuresFunction(checked, 'np', 'float64'),
    '',
    '',
    FORWARD,
    '',
    '',
    predictFunction(checked, 'np', ['    outputs = outputs_of(points)']),
    '',
    '',
    mainBlock(checked),
    '',
  ].join('\n');
}
