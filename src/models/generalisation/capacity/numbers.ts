// The numbers the chapter quotes about capacity, computed at the figure's defaults by the same
// sweep the figure draws (a few tens of milliseconds in Node), so that prose and figure agree.
import { capacityOf, parametersOf } from './features.ts';
import { capacitySweep, type Sweep, type SweepOptions } from './sweep.ts';

/** The figure's starting settings (CapacityCurve's schema defaults are these). */
export const CAPACITY_DEFAULTS = { n: 12, noise: 0.2, lambda: 0, folds: 5, seed: 1 } as const;

/** The ridge penalty the chapter uses to show the peak flattening. */
export const FLATTENING_LAMBDA = 1e-3;

export interface CapacityNumbers {
  n: number;
  noise: number;
  polynomial: {
    /** Test MSE of degrees 1 (underfit), 3 (about right) and n − 1 (through every point). */
    testAtDegree: Record<1 | 3 | 11, number>;
    trainAtDegree: Record<1 | 3 | 11, number>;
    /** Degrees with the lowest validation, cross-validation and test error. */
    degreeByValidation: number;
    degreeByCv: number;
    degreeByTest: number;
    /** Test error of degree n − 1 (p = n) with the penalty FLATTENING_LAMBDA. */
    thresholdTestWithRidge: number;
  };
  relu: {
    /** Width with the highest test error, and that error. */
    peakWidth: number;
    testAtPeak: number;
    /** Lowest test error below the threshold (width < n) and its width. */
    bestNarrowWidth: number;
    testBestNarrow: number;
    /** Test error of the widest model (MAX_WIDTH features), far past the threshold. */
    widest: number;
    testWidest: number;
    /** Test error of width n with the penalty FLATTENING_LAMBDA, and its highest over all widths. */
    thresholdTestWithRidge: number;
    peakTestWithRidge: number;
  };
}

const at = (sweep: Sweep, parameters: number) => sweep.fits[parameters - 1];
const lowest = (sweep: Sweep, key: 'test', below = Infinity) =>
  sweep.fits.filter((f) => f.parameters < below).reduce((best, f) => (f[key] < best[key] ? f : best));

/** Sweeps both families at the defaults (and once more each with a ridge penalty). */
export function capacityNumbers(): CapacityNumbers {
  const base: Omit<SweepOptions, 'family'> = { ...CAPACITY_DEFAULTS };
  const poly = capacitySweep({ ...base, family: 'polynomial' });
  const relu = capacitySweep({ ...base, family: 'relu' });
  const polyRidge = capacitySweep({ ...base, family: 'polynomial', lambda: FLATTENING_LAMBDA, skipCv: true });
  const reluRidge = capacitySweep({ ...base, family: 'relu', lambda: FLATTENING_LAMBDA, skipCv: true });
  const degree = (d: number) => at(poly, parametersOf('polynomial', d));
  const peak = relu.fits.reduce((best, f) => (f.test > best.test ? f : best));
  const narrow = lowest(relu, 'test', CAPACITY_DEFAULTS.n);
  const widest = relu.fits[relu.fits.length - 1];
  return {
    n: CAPACITY_DEFAULTS.n,
    noise: CAPACITY_DEFAULTS.noise,
    polynomial: {
      testAtDegree: { 1: degree(1).test, 3: degree(3).test, 11: degree(11).test },
      trainAtDegree: { 1: degree(1).train, 3: degree(3).train, 11: degree(11).train },
      degreeByValidation: capacityOf('polynomial', poly.byValidation),
      degreeByCv: capacityOf('polynomial', poly.byCv),
      degreeByTest: capacityOf('polynomial', lowest(poly, 'test').parameters),
      thresholdTestWithRidge: at(polyRidge, CAPACITY_DEFAULTS.n).test,
    },
    relu: {
      peakWidth: peak.parameters,
      testAtPeak: peak.test,
      bestNarrowWidth: narrow.parameters,
      testBestNarrow: narrow.test,
      widest: widest.parameters,
      testWidest: widest.test,
      thresholdTestWithRidge: at(reluRidge, CAPACITY_DEFAULTS.n).test,
      peakTestWithRidge: Math.max(...reluRidge.fits.map((f) => f.test)),
    },
  };
}
