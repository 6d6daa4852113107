// A trained Lab network as a JSON file: versioned, with everything needed to build the network
// again and load its parameters (the Lab reads it back; any other program can too). Weights are
// written with float32's full precision (9 significant digits), so a file read back holds exactly
// the engine's numbers.
import { checkLabExport, exportable, type Checked, type LabExport } from './check.ts';
import { exportStrings as s } from './strings.ts';

export const LAB_JSON_FORMAT = 'deep-learning-live/lab-network';
export const LAB_JSON_VERSION = 1;

/** A float32 number written with the fewest digits that still give it back exactly. */
export function float32Digits(v: number): number {
  return Number(v.toPrecision(9));
}

/**
 * JSON indented by two spaces, except that a list of plain values (a row of weights, the
 * features) stays on one line: a matrix reads as rows, not as one number per line.
 */
function pretty(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${value.map((v) => inner + pretty(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/**
 * The network file of a trained network. Throws LabExportError, with the reason the reader sees,
 * when the export is not well formed (a diverged run's NaN weights, parameters that do not fit).
 */
export function labJson(input: LabExport): string {
  const { network, data, parameters, seed, step } = exportable(input);
  const doc = {
    format: LAB_JSON_FORMAT,
    version: LAB_JSON_VERSION,
    data: { task: data.task, classes: data.classes, oneDimensional: data.oneDimensional },
    network: {
      features: network.features,
      layers: network.layers.map((l) => ({ units: l.units, activation: l.activation, dropout: l.dropout })),
      loss: network.loss,
      optimizer: network.optimizer,
      learningRate: network.learningRate,
      regularizer: network.regularizer,
      regularizationRate: network.regularizationRate,
      batchSize: network.batchSize,
    },
    seed,
    step,
    // weights[i][j] joins input i to unit j of the layer ([inputs][units]), as in the engine.
    parameters: parameters.map((p) => ({
      weights: p.weights.map((row) => row.map(float32Digits)),
      biases: p.biases.map(float32Digits),
    })),
  };
  return `${pretty(doc, '')}\n`;
}

/**
 * A network file read back: the network, its data's task and its parameters (as float32 numbers,
 * the engine's), or the reason it cannot be.
 */
export function readLabJson(text: string): Checked<LabExport> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: s.notJson };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, reason: s.notObject };
  const { format, version } = parsed as Record<string, unknown>;
  if (format !== LAB_JSON_FORMAT) return { ok: false, reason: s.wrongFormat };
  if (!Number.isSafeInteger(version) || (version as number) < 1) return { ok: false, reason: s.badVersion };
  if ((version as number) > LAB_JSON_VERSION) return { ok: false, reason: s.newerVersion(version as number) };
  const checked = checkLabExport(parsed);
  if (!checked.ok) return checked;
  // The engine's parameters are float32: the nearest float32 to each 9-digit number is the original.
  const parameters = checked.value.parameters.map((p) => ({
    weights: p.weights.map((row) => row.map(Math.fround)),
    biases: p.biases.map(Math.fround),
  }));
  return { ok: true, value: { ...checked.value, parameters } };
}
