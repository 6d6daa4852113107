// A few steps of gradient descent from the reader's point, with the engine's optim.SGD: one path
// with the full batch, one with mini-batches of B (the examples reshuffled each epoch). The line
// is nn.Linear(1, 1): its weight is w, its bias b.
import { gather, losses, nn, optim, tensor, tidy } from '../../engine/index.ts';
import { ETA, type Sample } from './problem.ts';

export type Path = [number, number][];

/**
 * (w, b) at the start and after each step; `batches` lists each step's examples, or null for the
 * full batch at every step. A path that leaves the finite numbers stops there.
 */
export function descentPath(sample: Sample, start: { w: number; b: number }, batches: readonly (readonly number[])[] | null, steps: number, eta = ETA): Path {
  const model = new nn.Linear(1, 1, { init: 'zeros' });
  model.loadStateDict({ weight: { shape: [1, 1], values: [start.w] }, bias: { shape: [1], values: [start.b] } });
  const optimizer = new optim.SGD(model, { lr: eta });
  const x = tensor(sample.x.map((v) => [v]));
  const y = tensor(sample.y.map((v) => [v]));
  const path: Path = [[start.w, start.b]];
  try {
    for (let t = 0; t < steps; t++) {
      const next = tidy(() => {
        optimizer.zeroGrad();
        const rows = batches?.[t];
        const xb = rows ? gather(x, rows as number[]) : x;
        const yb = rows ? gather(y, rows as number[]) : y;
        losses.mseLoss(model.forward(xb), yb).backward();
        optimizer.step();
        return [model.weight.data()[0], model.bias!.data()[0]] as [number, number];
      });
      if (!Number.isFinite(next[0]) || !Number.isFinite(next[1])) break;
      path.push(next);
    }
  } finally {
    optimizer.zeroGrad();
    optimizer.dispose();
    model.dispose();
    x.dispose();
    y.dispose();
  }
  return path;
}
