// What one layer's numbers look like, in plain JavaScript (float64 sums): their spread, how many
// are exactly zero, whether the units are copies of one another, and histograms for the violins,
// of the values themselves (activations) or of their size in powers of ten (gradients, which span
// dozens of them).

export interface LayerSummary {
  /** Every value is a finite number (false once float32 overflowed: ±∞ or NaN). */
  finite: boolean;
  /** Mean and standard deviation over every example and unit; Infinity when not finite. */
  mean: number;
  std: number;
  /** Share of the values that are exactly 0. */
  zeros: number;
  /** Share within 0.01 of a bound the activation cannot pass (tanh ±1, sigmoid 0 and 1). */
  saturated: number;
  /** On every example, every unit holds the same number: the layer's units are copies. */
  unitsEqual: boolean;
}

/** The bounds an activation approaches where it is flat: tanh ±1, sigmoid 0 and 1; none for the others. */
export type SaturationBounds = readonly number[];
/** Within this of a bound, a unit counts as saturated: |tanh| ≥ 0.99 is a slope ≤ 0.02. */
export const SATURATION_GAP = 0.01;

export function summarise(values: Float32Array, batch: number, width: number, bounds: SaturationBounds = []): LayerSummary {
  let sum = 0;
  let finite = true;
  let zeros = 0;
  let saturated = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) finite = false;
    sum += v;
    if (v === 0) zeros++;
    for (let k = 0; k < bounds.length; k++) if (Math.abs(v - bounds[k]) <= SATURATION_GAP) saturated++;
  }
  const n = Math.max(1, values.length);
  if (!finite) return { finite, mean: Infinity, std: Infinity, zeros: zeros / n, saturated: saturated / n, unitsEqual: false };
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
  return { finite, mean, std: Math.sqrt(squares / n), zeros: zeros / n, saturated: saturated / n, unitsEqual: unitsEqual(values, batch, width) };
}

function unitsEqual(values: Float32Array, batch: number, width: number): boolean {
  for (let b = 0; b < batch; b++) {
    const first = values[b * width];
    for (let j = 1; j < width; j++) if (values[b * width + j] !== first) return false;
  }
  return true;
}

/** Shares of `values` in `bins` equal bins over [lo, hi]; values outside (or not finite) are left out. */
export function histogram(values: Float32Array, lo: number, hi: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const span = hi - lo;
  if (!(span > 0)) return counts;
  for (let i = 0; i < values.length; i++) {
    const t = (values[i] - lo) / span;
    if (t >= 0 && t <= 1) counts[Math.min(bins - 1, Math.floor(t * bins))]++;
  }
  const n = Math.max(1, values.length);
  return counts.map((c) => c / n);
}

/** Fine bins of log₁₀|v|, a tenth of a power of ten each, over all that float32 holds (denormals too). */
export const FINE_LOG_LO = -46;
export const FINE_LOG_HI = 39;
export const FINE_PER_DECADE = 10;
const FINE_BINS = (FINE_LOG_HI - FINE_LOG_LO) * FINE_PER_DECADE;

export interface LogCounts {
  /** counts[k]: values with log₁₀|v| in [FINE_LOG_LO + k/10, FINE_LOG_LO + (k+1)/10). */
  counts: Uint32Array;
  total: number;
}

export function fineLogCounts(values: Float32Array): LogCounts {
  const counts = new Uint32Array(FINE_BINS);
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a === 0 || !Number.isFinite(a)) continue;
    const k = Math.floor((Math.log10(a) - FINE_LOG_LO) * FINE_PER_DECADE);
    counts[Math.min(FINE_BINS - 1, Math.max(0, k))]++;
  }
  return { counts, total: values.length };
}

/**
 * The powers of ten a log axis needs to hold the non-zero sizes of every layer: from the pooled
 * 0.5% quantile to the 99.5% one, whole decades, at least three of them. Null when there is none.
 */
export function decadeRange(layers: readonly LogCounts[]): [number, number] | null {
  const pooled = new Float64Array(FINE_BINS);
  for (const l of layers) l.counts.forEach((c, k) => (pooled[k] += c));
  const total = pooled.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const quantileBin = (q: number) => {
    let seen = 0;
    for (let k = 0; k < FINE_BINS; k++) {
      seen += pooled[k];
      if (seen >= q * total) return k;
    }
    return FINE_BINS - 1;
  };
  let lo = Math.floor(FINE_LOG_LO + quantileBin(0.005) / FINE_PER_DECADE);
  let hi = Math.ceil(FINE_LOG_LO + (quantileBin(0.995) + 1) / FINE_PER_DECADE);
  while (hi - lo < 3) {
    lo -= 1;
    if (hi - lo < 3) hi += 1;
  }
  return [lo + 0, hi + 0]; // + 0 turns a −0 from Math.ceil into 0
}

/**
 * How many bins, at most `most`, cover the decades [lo, hi] with a whole number of fine bins each:
 * bins that straddle fine ones would get alternately more and fewer of them, a comb, not a shape.
 */
export function logBinCount(lo: number, hi: number, most: number): number {
  const fine = Math.round((hi - lo) * FINE_PER_DECADE);
  for (let per = Math.max(1, Math.ceil(fine / most)); per <= fine; per++) if (fine % per === 0) return fine / per;
  return 1;
}

/** A layer's fine counts gathered into `bins` equal bins over the decades [lo, hi], as shares of all its values. */
export function logHistogram({ counts, total }: LogCounts, lo: number, hi: number, bins: number): number[] {
  const out = new Array<number>(bins).fill(0);
  const perBin = ((hi - lo) * FINE_PER_DECADE) / bins;
  for (let k = 0; k < counts.length; k++) {
    if (counts[k] === 0) continue;
    const centre = FINE_LOG_LO + (k + 0.5) / FINE_PER_DECADE;
    const j = Math.floor(((centre - lo) * FINE_PER_DECADE) / perBin);
    if (j >= 0 && j < bins) out[j] += counts[k];
  }
  return out.map((c) => c / Math.max(1, total));
}
