// A pass's numbers made into what the figure draws and the chapter quotes: per layer, the spread
// of the activations and of the gradients, their violins, and where they overflow, vanish or
// saturate. `activationStds`, `gradientStds` and `saturatedShares` are the chapter's numbers.
import { forwardBackward, measure, type Activation, type InitConfig, type RawPass, type WeightBank } from './initialisation.ts';
import { decadeRange, fineLogCounts, histogram, logBinCount, logHistogram, summarise, type LayerSummary, type SaturationBounds } from './layerStats.ts';

/** Bins of each violin (at most, for the gradients' log axis). */
export const VIOLIN_BINS = 40;

const saturationBounds: Record<Activation, SaturationBounds> = { tanh: [-1, 1], sigmoid: [0, 1], relu: [], linear: [] };

export interface InitReport {
  config: InitConfig;
  /** The width drawn (orthogonal is capped) and the batch's size. */
  width: number;
  batch: number;
  /** Layer 1 (next to the input) first. */
  activations: LayerSummary[];
  gradients: LayerSummary[];
  /** The activations' axis, and each layer's shares in VIOLIN_BINS bins over it (empty once not finite). */
  activationDomain: [number, number];
  activationBins: number[][];
  /** The gradients' sizes in powers of ten (null when every gradient is 0 or not finite), and each layer's shares. */
  gradientDecades: [number, number] | null;
  gradientBins: number[][];
}

/** Where the activations' values lie: the activation's own range, or 3 spreads past the widest layer's mean. */
function activationDomain(activation: Activation, layers: readonly LayerSummary[]): [number, number] {
  if (activation === 'tanh') return [-1, 1];
  if (activation === 'sigmoid') return [0, 1];
  const reach = Math.max(0, ...layers.filter((l) => l.finite).map((l) => Math.abs(l.mean) + 3 * l.std));
  const hi = reach > 0 && Number.isFinite(reach) ? reach : 1;
  return activation === 'relu' ? [0, hi] : [-hi, hi];
}

export function buildReport(pass: RawPass, config: InitConfig): InitReport {
  const { batch, width } = pass;
  const bounds = saturationBounds[config.activation];
  const activations = pass.activations.map((v) => summarise(v, batch, width, bounds));
  const gradients = pass.gradients.map((v) => summarise(v, batch, width));
  const domain = activationDomain(config.activation, activations);
  const activationBins = pass.activations.map((v, k) => (activations[k].finite ? histogram(v, domain[0], domain[1], VIOLIN_BINS) : []));
  const counts = pass.gradients.map((v, k) => (gradients[k].finite ? fineLogCounts(v) : null));
  const decades = decadeRange(counts.filter((c) => c !== null));
  const logBins = decades ? logBinCount(decades[0], decades[1], VIOLIN_BINS) : 0;
  const gradientBins = counts.map((c) => (c && decades ? logHistogram(c, decades[0], decades[1], logBins) : []));
  return { config, width, batch, activations, gradients, activationDomain: domain, activationBins, gradientDecades: decades, gradientBins };
}

/** The report of `config` from weights already drawn (the figure keeps them between changes). */
export function reportFromBank(bank: WeightBank, config: InitConfig): InitReport {
  return buildReport(forwardBackward(bank, config.activation, config.depth, config.scale), config);
}

/** The report of `config`, drawing and disposing its own weights. */
export function initialisationReport(config: InitConfig): InitReport {
  return buildReport(measure(config), config);
}

/** Standard deviation of each hidden layer's activations, layer 1 first; Infinity where they overflowed. */
export function activationStds(config: InitConfig): number[] {
  return initialisationReport(config).activations.map((l) => l.std);
}

/** Standard deviation of each layer's ∂loss/∂z (one example's loss), layer 1 first; Infinity where not finite. */
export function gradientStds(config: InitConfig): number[] {
  return initialisationReport(config).gradients.map((l) => l.std);
}

/** Share of each layer's activations within 0.01 of tanh's ±1 or sigmoid's 0 and 1 (0 for ReLU and linear). */
export function saturatedShares(config: InitConfig): number[] {
  return initialisationReport(config).activations.map((l) => l.saturated);
}

/** The first layer (1-based) that meets `test`, or null. */
export function firstLayer(layers: readonly LayerSummary[], test: (l: LayerSummary) => boolean): number | null {
  const k = layers.findIndex(test);
  return k < 0 ? null : k + 1;
}
