// The network doctor's run as a training job: a case's network, broken or fixed, trained full-batch
// on its set for a fixed number of steps. Each step reports the loss and the measures the reader
// diagnoses from (gradient norms, active units, accuracy); the picture is the network's
// probability of class 1 over the plane, as plain numbers.
import { noGrad, softmax, tensor, tidy } from '../../engine/index.ts';
import type { JobDefinition } from '../training/job.ts';
import { DIVERGENCE_FACTOR, STEPS, type DoctorCase } from './cases.ts';
import { buildDoctorNet, disposeNet, doctorBatch, doctorData, doctorOptimizer, doctorStep, forward, inputMap, type Broken, type DoctorNet } from './network.ts';

/** The plane the picture covers (every set lies inside it), and its cells a side. */
export const EXTENT: [number, number] = [-6, 6];
export const GRID = 30;

/** What builds a run: the case's fault and set, and whether the fault has been fixed. */
export interface DoctorConfig {
  fault: DoctorCase['fault'];
  set: DoctorCase['set'];
  fixed: boolean;
}

export interface DoctorView {
  /** The network's probability of class 1 at each grid cell's centre, row by row from the bottom. */
  surface: number[];
}

/** The grid's cell centres, row by row from the bottom (the kit's HeatMap order). */
export function gridPoints(cells = GRID): number[][] {
  const [lo, hi] = EXTENT;
  const d = (hi - lo) / cells;
  const out: number[][] = [];
  for (let r = 0; r < cells; r++) for (let c = 0; c < cells; c++) out.push([lo + (c + 0.5) * d, lo + (r + 0.5) * d]);
  return out;
}

/** P(class 1) over the grid, in one forward pass. */
export function doctorSurface(net: DoctorNet, map: (p: readonly number[]) => number[], grid: readonly (readonly number[])[]): number[] {
  return tidy(() =>
    noGrad(() => {
      const p = softmax(forward(net, tensor(grid.map(map))).logits, 1).data();
      return grid.map((_, i) => p[2 * i + 1]);
    }),
  );
}

export const doctorJob: JobDefinition<DoctorConfig, undefined, DoctorView> = {
  name: 'network-doctor',
  maxSteps: STEPS,
  divergenceFactor: DIVERGENCE_FACTOR,
  // A few steps a tick and a picture every tick or two: a run of 300 steps is watched, not skipped.
  maxStepsPerTick: 3,
  snapshotEveryMs: 30,
  build({ fault, set, fixed }, { seed }) {
    const broken: Broken = fixed ? null : fault;
    const { points, labels } = doctorData({ set, seed });
    const map = inputMap(points, broken === 'inputs');
    const batch = doctorBatch(points.map(map), labels);
    const net = buildDoctorNet(seed, broken);
    const opt = doctorOptimizer(net, broken);
    const grid = gridPoints();
    return {
      step: () => doctorStep(net, opt, batch),
      keep: () => [...net.layers, batch.x, batch.notY, batch.signY],
      view: () => ({ surface: doctorSurface(net, map, grid) }),
      dispose() {
        opt.dispose();
        disposeNet(net);
        batch.dispose();
      },
    };
  },
};
