// The figure's report in words: the sentences under the pictures and the plots' text
// alternatives, every number from the report, never NaN or Infinity (an overflow is said in words).
import { magnitude, percent, scientificParts, significant } from '../kit/format.ts';
import type { InitReport } from './report.ts';
import { firstLayer } from './report.ts';
import { initStrings as s } from './strings.ts';
import { compoundStdRatio, factorIsBound, layerGains } from './variance.ts';

/** A spread as the figure writes it: "0.98", "3.1×10⁻⁸", "0", or "overflow". */
export function spread(v: number): string {
  return Number.isFinite(v) ? magnitude(v) : s.overflow;
}

/** A number as TeX: 3 significant digits (4 from 1000 on, so 8192 is not 8190), or m\times10^{e} outside [0.001, 10⁴). */
export function texNumber(v: number): string {
  if (!Number.isFinite(v)) return String.raw`\infty`;
  if (v === 0) return '0';
  if (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4) return significant(v, Math.abs(v) >= 1000 ? 4 : 3, { minus: '-' });
  const { mantissa, exponent } = scientificParts(v, 2, { minus: '-', trailingZeros: false });
  return String.raw`${mantissa}\times10^{${exponent}}`;
}

export function setupOf(r: InitReport): string {
  const c = r.config;
  const m = significant(c.scale, 2);
  const scheme = c.scheme === 'normal' ? s.normalSetup(m) : c.scheme === 'zero' ? s.zeroSetup : s.schemeSetup(s.schemeNames[c.scheme], m);
  return s.setup(s.activationNames[c.activation], c.depth, r.width, scheme, r.batch);
}

/** Every layer's spread, for a text alternative. */
export function layerValues(stds: readonly number[]): string {
  return stds.map((v, k) => s.layerStd(k + 1, spread(v))).join(', ');
}

/** Layer 1's gradient over the last layer's: below 1/100 it vanished, above 100 it exploded. */
function trend(first: number, last: number): string {
  if (!(last > 0) || !Number.isFinite(first) || !Number.isFinite(last)) return '';
  const ratio = first / last;
  return ratio < 0.01 ? s.vanishes : ratio > 100 ? s.explodes : s.steady;
}

/** "×0.5 (the gains predict ×0.42)": measured a ÷ b and what the gains say; '' where either is no number. */
function change(a: number, b: number, predicted: number | null, bound: boolean): string {
  if (!(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) return '';
  const said = predicted === null || !Number.isFinite(predicted) ? '' : (bound ? s.allowsAtMost : s.predicts)(magnitude(predicted));
  return s.change(magnitude(a / b), said);
}

/** The sentences under the figure, each one a finding of this run. */
export function findings(r: InitReport): string[] {
  const { activations: acts, gradients: grads, config } = r;
  const depth = acts.length;
  const out: string[] = [];
  const symmetric = acts.every((l) => l.unitsEqual);
  const gains = layerGains(config.activation, config.scheme, r.width, config.scale);
  const bound = factorIsBound(config.activation);
  const forward = depth > 1 ? change(acts[depth - 1].std, acts[0].std, gains.forward === null ? null : compoundStdRatio(gains.forward, depth - 1), bound) : '';
  const backward = depth > 1 ? change(grads[0].std, grads[depth - 1].std, compoundStdRatio(gains.backward, depth - 1), bound) : '';
  out.push(s.summaryActivations(spread(acts[0].std), depth, spread(acts[depth - 1].std), forward));
  const overflowAt = firstLayer(acts, (l) => !l.finite);
  if (overflowAt !== null) {
    out.push(s.activationOverflow(overflowAt));
    return out;
  }
  const vanishedAt = firstLayer(acts, (l) => l.zeros === 1);
  if (vanishedAt !== null && !symmetric && acts.slice(vanishedAt - 1).every((l) => l.zeros === 1)) out.push(s.activationsVanish(vanishedAt));
  const saturation = s.saturationBounds[config.activation];
  if (saturation) {
    const from = firstLayer(acts, (l) => l.saturated > 0.5);
    if (from !== null) out.push(s.saturatedFrom(from, saturation));
    else {
      const most = acts.reduce((best, l, k) => (l.saturated > acts[best].saturated ? k : best), 0);
      if (acts[most].saturated >= 0.05) out.push(s.saturated(percent(acts[most].saturated, 0), most + 1, saturation));
    }
  }
  out.push(s.summaryGradients(depth, spread(grads[depth - 1].std), spread(grads[0].std), trend(grads[0].std, grads[depth - 1].std), backward));
  const gradOverflow = firstLayer([...grads].reverse(), (l) => !l.finite);
  if (gradOverflow !== null) out.push(s.gradientOverflow(depth + 1 - gradOverflow));
  if (symmetric) {
    out.push(s.symmetry(r.width, significant(acts[0].mean, 3), depth));
    const still = grads.every((l) => l.zeros === 1);
    if (still) out.push(s.symmetryStill);
    else if (grads.every((l) => l.unitsEqual)) out.push(s.symmetrySame(magnitude(Math.abs(grads[0].mean))));
  } else if (grads[0].finite && grads[0].zeros > 0.01) {
    out.push(s.gradientZeros(percent(grads[0].zeros, 0), config.activation === 'relu' ? s.reluZeros : s.underflowZeros));
  }
  return out;
}
