// The numbers the chapter quotes about dropout, computed here so that the text and the figure
// agree. Each trains the figure's own job (the same network, data, masks and seed) for a stated
// number of steps on the engine, then reads the trained weights by hand: what one hidden unit
// passes on over many masks against its inference value, and how far the average of K thinned
// networks is from the single inference pass. Seeded; each well under two seconds on the cpu.
import { tidy } from '../../../engine/index.ts';
import { dropoutData } from './data.ts';
import { dropoutJob, type DropoutConfig } from './dropoutJob.ts';
import { unitSamples } from './scaling.ts';
import { ensembleMasks, hidden1, meanEnsembleGap, pointEnsemble, type Average } from './thinned.ts';
import type { NetWeights, Point } from './types.ts';

/** The figure's defaults, as the chapter quotes them. */
export const CHAPTER_SETTING = { p: 0.5, scaled: true, seed: 1, steps: 1000, unit: 3, probe: [0.5, -0.5] as Point };

/** The weights after `steps` steps of the figure's job (the run the figure shows at that step). */
export function trainedWeights(config: DropoutConfig, seed: number, steps: number): NetWeights {
  const job = dropoutJob.build(config, { seed, live: undefined, data: undefined, emit: () => {}, schedule: () => () => {} });
  try {
    for (let i = 0; i < steps; i++) tidy(() => void job.step(i).loss.item());
    const picture = job.view?.({} as never);
    if (!picture) throw new Error('dropout job: no picture');
    return picture.weights;
  } finally {
    job.dispose();
  }
}

export interface UnitMeanNumbers {
  /** The unit's output a at the probe point: what it passes on at inference. */
  inference: number;
  /** The mean of what it passes on over the masks, kept units scaled by 1/(1−p): ≈ a. */
  meanScaled: number;
  /** The same masks with the scaling forgotten: ≈ (1−p)·a. */
  meanUnscaled: number;
  masks: number;
}

/**
 * One hidden unit (first layer, numbered from 1) of the trained network at the probe point: the
 * mean over `masks` seeded masks of what it passes on, with and without the 1/(1−p) scaling,
 * beside its inference value.
 */
export function unitMeanNumbers(o: Partial<typeof CHAPTER_SETTING> & { masks?: number } = {}): UnitMeanNumbers {
  const s = { ...CHAPTER_SETTING, ...o };
  const masks = o.masks ?? 10_000;
  const w = trainedWeights({ p: s.p, scaled: s.scaled }, s.seed, s.steps);
  const a = hidden1(w, s.probe)[s.unit - 1];
  return { inference: a, meanScaled: unitSamples(a, s.p, true, s.seed, masks).mean, meanUnscaled: unitSamples(a, s.p, false, s.seed, masks).mean, masks };
}

export interface EnsembleGapNumbers {
  ks: number[];
  /** Mean over the test points of |K-average − inference pass|, in probability, for each K. */
  meanGap: number[];
  /** The K-average's probability of class 1 at the probe point, for each K. */
  atProbe: number[];
  /** The inference pass's probability at the probe point. */
  inferenceAtProbe: number;
}

/** How close the average of K thinned networks comes to the inference pass, for each K in `ks`. */
export function ensembleGapNumbers(o: Partial<typeof CHAPTER_SETTING> & { ks?: number[]; average?: Average } = {}): EnsembleGapNumbers {
  const s = { ...CHAPTER_SETTING, ...o };
  const ks = o.ks ?? [1, 10, 100];
  const average = o.average ?? 'logits';
  const w = trainedWeights({ p: s.p, scaled: s.scaled }, s.seed, s.steps);
  const masks = ensembleMasks(s.seed, Math.max(...ks), s.p, s.scaled);
  const { test } = dropoutData();
  const probe = pointEnsemble(w, s.probe, masks, average);
  return {
    ks,
    meanGap: ks.map((k) => meanEnsembleGap(w, test.x, masks.slice(0, k), average)),
    atProbe: ks.map((k) => probe.averaged[k - 1]),
    inferenceAtProbe: probe.inference,
  };
}
