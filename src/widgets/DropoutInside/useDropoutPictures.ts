// From the job's plain picture (weights and the mask shown) to what the figure draws: the decision
// surface in the mode chosen, what the followed unit passes on over many masks, and the K-average
// at the probe point. All plain arithmetic on plain arrays (src/models/generalisation/dropout),
// recomputed only when the weights or a setting change.
import { useMemo } from 'react';
import { dropoutData, EXTENT } from '../../models/generalisation/dropout/data.ts';
import type { DropoutPicture } from '../../models/generalisation/dropout/dropoutJob.ts';
import { unitSamples, type UnitSamples } from '../../models/generalisation/dropout/scaling.ts';
import { accuracy, averagedSurface, ensembleMasks, hidden1, multipliers, pointEnsemble, surface, type Average, type PointEnsemble } from '../../models/generalisation/dropout/thinned.ts';
import { gridCenters } from '../kit/index.ts';

export const GRID = 40;
/** The most thinned networks the ensemble panel averages (the K slider's top). */
export const MAX_K = 128;
export const SURFACES = ['inference', 'thinned', 'average'] as const;
export type SurfaceMode = (typeof SURFACES)[number];

const grid = gridCenters({ x: EXTENT, y: EXTENT }, GRID, GRID);
const data = dropoutData();

export interface DropoutSettings {
  p: number;
  scaled: boolean;
  k: number;
  surface: SurfaceMode;
  average: Average;
  unit: number;
  probe: readonly [number, number];
  seed: number;
}

export interface DropoutPictures {
  surface: number[];
  samples: UnitSamples;
  ensemble: PointEnsemble;
  trainAccuracy: number;
  testAccuracy: number;
}

export function useDropoutPictures(picture: DropoutPicture | null, o: DropoutSettings): DropoutPictures | null {
  const { p, scaled, k, surface: mode, average, unit, seed } = o;
  const [px, py] = o.probe;
  const masks = useMemo(() => ensembleMasks(seed, MAX_K, p, scaled), [seed, p, scaled]);
  const weights = picture?.weights ?? null;
  const mask = picture?.mask ?? null;
  const values = useMemo(() => {
    if (!weights || !mask) return null;
    if (mode === 'average') return averagedSurface(weights, grid, masks.slice(0, k), average);
    return surface(weights, grid, mode === 'thinned' ? multipliers(mask, p, scaled) : null);
  }, [weights, mask, mode, masks, k, average, p, scaled]);
  const accuracies = useMemo(() => (weights ? { train: accuracy(weights, data.train), test: accuracy(weights, data.test) } : null), [weights]);
  const samples = useMemo(() => (weights ? unitSamples(hidden1(weights, [px, py])[unit - 1], p, scaled, seed) : null), [weights, px, py, unit, p, scaled, seed]);
  const ensemble = useMemo(() => (weights ? pointEnsemble(weights, [px, py], masks, average) : null), [weights, px, py, masks, average]);
  if (!values || !accuracies || !samples || !ensemble) return null;
  return { surface: values, samples, ensemble, trainAccuracy: accuracies.train, testAccuracy: accuracies.test };
}

export const trainingPoints = data.train.x.map(([x, y], i) => ({ x, y, cls: data.train.y[i] }));
export const TEST_COUNT = data.test.x.length;
export const TRAIN_COUNT = data.train.x.length;
