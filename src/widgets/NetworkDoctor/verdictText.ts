// The network doctor's numbers and verdicts in words: losses, input statistics and accuracies as
// the figure writes them, why a fault is the one (with the run's numbers), the fact that argues
// against a wrong choice, and the fix's label.
import { fixed, NO_NUMBER, percent, scientific, significant } from '../kit/format.ts';
import { BROKEN_RATE, DEAD_BIAS, RATE, WIDTH, type Fault } from '../../models/doctor/cases.ts';
import type { Evidence, Facts, Objection } from '../../models/doctor/diagnosis.ts';
import { softmaxTwiceFloor, softmaxTwiceRange } from '../../models/doctor/quotes.ts';
import { doctorStrings as s } from './strings.ts';

/** A loss as the verdicts write it: three significant digits, powers of ten from 10 000 up. */
export function lossText(v: number): string {
  return Math.abs(v) >= 1e4 ? scientific(v, 1) : significant(v, 3);
}

/** An input's mean or standard deviation: two decimals, three significant digits from 100 up. */
export function statText(v: number): string {
  return Math.abs(v) < 100 ? fixed(v, 2) : significant(v, 3);
}

/** The two sentences that say why the fault is the one. */
export function whyText(fault: Fault, f: Facts): string {
  switch (fault) {
    case 'rate':
      return s.why.rate(lossText(f.firstLoss), lossText(f.peakLoss), f.peakStep, Math.round(BROKEN_RATE / RATE));
    case 'inputs':
      return s.why.inputs(significant(f.largestStd, 3), significant(f.scaleRatio, 2), lossText(f.firstLoss));
    case 'dead':
      return s.why.dead(WIDTH, significant(DEAD_BIAS, 3));
    case 'loss': {
      const [lo, hi] = softmaxTwiceRange();
      return s.why.loss(significant(softmaxTwiceFloor(), 3), significant(lo, 2), significant(hi, 2));
    }
  }
}

/** The sentence that argues against a wrong choice, with the evidence's own numbers. */
export function objectionText(o: Objection, f: Facts, e: Evidence): string {
  switch (o) {
    case 'rateFlat':
      return s.objections.rateFlat(e.steps, lossText(f.lastLoss));
    case 'lossFlat':
      return s.objections.lossFlat(e.steps, lossText(f.lastLoss));
    case 'rateStartedHigh':
      return s.objections.rateStartedHigh(lossText(f.firstLoss));
    case 'rateSmooth':
      return s.objections.rateSmooth(lossText(f.firstLoss), lossText(f.lastLoss));
    case 'inputsStandardised':
      return s.objections.inputsStandardised(s.both(e.inputs.means.map(statText)), s.both(e.inputs.stds.map(statText)));
    case 'deadActive':
      return s.objections.deadActive(s.perLayer((e.active ?? []).map((v) => percent(v, 0))));
    case 'lossClimbed':
      return s.objections.lossClimbed(lossText(f.firstLoss), lossText(f.peakLoss));
  }
}

export function fixLabel(fault: Fault): string {
  return fault === 'rate' ? s.fixes.rate(significant(RATE, 2)) : s.fixes[fault];
}

/** An accuracy as a whole percentage, or a dash before there is one. */
export function accuracyText(accuracy: number | null): string {
  return accuracy === null ? NO_NUMBER : percent(accuracy, 0);
}
