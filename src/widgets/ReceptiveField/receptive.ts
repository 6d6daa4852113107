// Receptive fields of stacked convolutions and poolings. Two ways to the same answer: the
// recurrence r_l = r_{l−1} + (k_eff − 1)·j_{l−1}, j_l = j_{l−1}·s_l (k_eff = d(k − 1) + 1, the
// span of a dilated kernel; Dumoulin & Visin 2016 give the arithmetic), and the engine's backward
// pass: the input pixels whose gradient is not zero are exactly those a unit depends on.
import { avgPool2d, conv2d, ones, slice, sum, tensor, tidy, type Tensor } from '../../engine/index.ts';
import { outputSize } from '../../models/convolution/convolution.ts';

export interface LayerSpec {
  kind: 'conv' | 'pool';
  k: number;
  s: number;
  d: number;
}

export const STACKS = ['three3x3', 'lenet', 'dilated', 'gridded', 'strided'] as const;
export type StackName = (typeof STACKS)[number];

export const INPUT_SIDE = 24;

export const STACK_LAYERS: Record<StackName, LayerSpec[]> = {
  three3x3: [
    { kind: 'conv', k: 3, s: 1, d: 1 },
    { kind: 'conv', k: 3, s: 1, d: 1 },
    { kind: 'conv', k: 3, s: 1, d: 1 },
  ],
  lenet: [
    { kind: 'conv', k: 5, s: 1, d: 1 },
    { kind: 'pool', k: 2, s: 2, d: 1 },
    { kind: 'conv', k: 5, s: 1, d: 1 },
    { kind: 'pool', k: 2, s: 2, d: 1 },
  ],
  dilated: [
    { kind: 'conv', k: 3, s: 1, d: 1 },
    { kind: 'conv', k: 3, s: 1, d: 2 },
    { kind: 'conv', k: 3, s: 1, d: 4 },
  ],
  // The same dilation at every layer skips the same pixels every time: a field with holes.
  gridded: [
    { kind: 'conv', k: 3, s: 1, d: 2 },
    { kind: 'conv', k: 3, s: 1, d: 2 },
    { kind: 'conv', k: 3, s: 1, d: 2 },
  ],
  strided: [
    { kind: 'conv', k: 3, s: 2, d: 1 },
    { kind: 'conv', k: 3, s: 2, d: 1 },
    { kind: 'conv', k: 3, s: 2, d: 1 },
  ],
};

export interface LayerField {
  /** Side of the layer's output map. */
  side: number;
  /** Receptive field side r_l and jump j_l (input pixels between neighbouring units). */
  field: number;
  jump: number;
}

// #region recurrence
export function receptiveFields(layers: readonly LayerSpec[], inputSide = INPUT_SIDE): LayerField[] {
  const out: LayerField[] = [];
  let side = inputSide;
  let field = 1;
  let jump = 1;
  for (const l of layers) {
    const span = l.d * (l.k - 1) + 1; // what a dilated kernel covers
    side = outputSize(side, l.k, l.s, 0, l.d);
    field += (span - 1) * jump;
    jump *= l.s;
    out.push({ side, field, jump });
  }
  return out;
}
// #endregion

/** Top-left input pixel of unit (i, j) of a layer with jump j (no padding): (i·j, j·j). */
export const fieldOrigin = (i: number, jump: number) => i * jump;

/**
 * How many paths lead from each input pixel to unit (row, col) of layer `upTo` (1-based): the
 * gradient of that unit with respect to the input when every weight is 1 (pooling taken as an
 * average, which depends on the same pixels as a max). Zero means "not in the receptive field".
 */
export function dependence(layers: readonly LayerSpec[], upTo: number, row: number, col: number, inputSide = INPUT_SIDE): number[][] {
  const grad = tidy(() => {
    const x = tensor(new Float32Array(inputSide * inputSide).fill(1), [1, inputSide, inputSide, 1], { requiresGrad: true });
    let y: Tensor = x;
    for (const l of layers.slice(0, upTo)) {
      y = l.kind === 'conv' ? conv2d(y, ones([l.k, l.k, 1, 1]), { stride: l.s, dilation: l.d }) : avgPool2d(y, { kernel: l.k, stride: l.s });
    }
    sum(slice(y, [0, row, col, 0], [1, 1, 1, 1])).backward();
    const g = x.grad!.data();
    // Average pooling divides by k²; undo it so that the counts are whole paths.
    const scale = layers.slice(0, upTo).reduce((m, l) => (l.kind === 'pool' ? m * l.k * l.k : m), 1);
    return Array.from(g, (v) => Math.round(v * scale));
  });
  return Array.from({ length: inputSide }, (_, r) => grad.slice(r * inputSide, r * inputSide + inputSide));
}

/** The bounding box of the non-zero cells: what the recurrence predicts. */
export function support(counts: number[][]): { row: number; col: number; rows: number; cols: number } | null {
  let r0 = Infinity;
  let r1 = -1;
  let c0 = Infinity;
  let c1 = -1;
  counts.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== 0) {
        r0 = Math.min(r0, r);
        r1 = Math.max(r1, r);
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      }
    }),
  );
  return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}
