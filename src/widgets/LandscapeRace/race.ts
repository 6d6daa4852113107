// A race: every racer a two-element parameter (x, y) with its own engine optimiser, all starting
// at one point. Each step is one forward pass of f at every running racer's point (stacked, so one
// pass serves all: the gradient of a sum reaches each racer as its own gradient), one backward pass,
// and one update by each optimiser; then one read-back of everything the picture needs.
//
// The engine always holds the step a racer takes next: the figure draws the racer at θₜ with an
// arrow to θₜ₊₁, computed by the racer's own optimiser, not by a second copy of its rule. A racer
// whose next point is not finite or far outside the plot has diverged; one whose f or gradient is
// not finite (a typed expression) stops there; one within ARRIVED of the minimum has arrived.
// Each stops alone, with its reason, and the others go on. Tensors never leave this file.
import { concat, noGrad, parameterFrom, reshape, slice, stack, sum, tensor, tidy, type optim, type Tensor } from '../../engine/index.ts';
import type { Landscape, Point } from './landscapes.ts';
import { makeOptimizer } from '../../models/training/optimizerChoice.ts';
import type { RacerKind } from './racers.ts';

/** A racer has arrived when f − f_min is below this: it stops, at its minimum to the picture's eye. */
export const ARRIVED = 1e-8;
/**
 * float32's relative precision: where f_min is not 0 (the saddle's −¼), f next to it is a multiple
 * of about |f_min|·2⁻²³, so a racer within two of those has arrived too.
 */
const FLOAT32_EPS = 2 ** -23;

/** Where a racer on a landscape whose lowest value is `fMin` has arrived. */
export function arrivalThreshold(fMin: number): number {
  return ARRIVED + 2 * FLOAT32_EPS * Math.abs(fMin);
}

/** The race's target: the step at which f − f_min first falls below this is each racer's time. */
export const TARGET = 1e-3;
/** A racer farther than this many plot widths outside the plot has diverged. */
export const FAR = 2;

export type RacerStatus = 'running' | 'arrived' | 'diverged' | 'notFinite';

export interface RacerSetting {
  kind: RacerKind;
  lr: number;
}

/** One racer as the figure draws it: plain numbers only. */
export interface RacerView {
  kind: RacerKind;
  lr: number;
  /** Every point visited, the start first: `trail.length − 1` steps taken. */
  trail: Point[];
  /** f − f_min at each point of the trail (f itself where f_min is not known), finite values only. */
  losses: number[];
  /** The step it takes next, θₜ₊₁ − θₜ, when finite: still shown for a racer that diverged on it. */
  next: Point | null;
  status: RacerStatus;
  /** The first step at which f − f_min was below TARGET, or null. */
  reached: number | null;
}

export interface RaceView {
  /** Steps of the race so far. */
  step: number;
  racers: RacerView[];
}

interface Racer {
  view: RacerView;
  /** The point its optimiser has computed and it moves to at the next step. */
  ahead: Point | null;
  /** The engine's side while it runs; null once it has stopped (its tensors freed). */
  param: Tensor | null;
  optimizer: optim.Optimizer | null;
}

const finite = (v: number) => Number.isFinite(v);

export class Race {
  private readonly racers: Racer[];
  private steps = 0;
  private readonly bound: { x: [number, number]; y: [number, number] };
  private readonly arrived: number;

  constructor(
    private readonly landscape: Landscape,
    start: Point,
    settings: readonly RacerSetting[],
  ) {
    const { x, y } = landscape.extent;
    const w = x[1] - x[0];
    const h = y[1] - y[0];
    this.bound = { x: [x[0] - FAR * w, x[1] + FAR * w], y: [y[0] - FAR * h, y[1] + FAR * h] };
    this.arrived = arrivalThreshold(landscape.fMin ?? 0);
    this.racers = settings.map(({ kind, lr }) => {
      const param = parameterFrom([start[0], start[1]]);
      return {
        view: { kind, lr, trail: [[start[0], start[1]]], losses: [], next: null, status: 'running', reached: null },
        ahead: null,
        param,
        optimizer: makeOptimizer([param], { kind, lr }),
      };
    });
    // The first evaluation: f at the start, and each racer's first step, waiting to be taken.
    this.evaluate();
  }

  /** Whether any racer is still running. */
  running(): boolean {
    return this.racers.some((r) => r.view.status === 'running');
  }

  /**
   * One step of the race: every running racer moves to the point its optimiser computed, and the
   * next step is computed there. Returns the race's loss for the training loop: the lowest
   * f − f_min of all racers (always finite), as a tensor.
   */
  step(): { loss: Tensor } {
    for (const r of this.racers) if (r.view.status === 'running' && r.ahead) r.view.trail.push(r.ahead);
    this.steps++;
    this.evaluate();
    return { loss: tensor(this.bestLoss()) };
  }

  private bestLoss(): number {
    const last = this.racers.map((r) => r.view.losses[r.view.losses.length - 1]).filter(finite);
    return last.length ? Math.min(...last) : 0;
  }

  /** f and its gradient at every running racer's point, each optimiser's update, one read-back. */
  private evaluate(): void {
    const active = this.racers.filter((r) => r.view.status === 'running');
    if (active.length === 0) return;
    const n = active.length;
    const values = tidy(() => {
      for (const r of active) r.optimizer!.zeroGrad();
      const points = stack(active.map((r) => r.param!));
      const f = this.landscape.f(reshape(slice(points, [0, 0], [n, 1]), [n]), reshape(slice(points, [0, 1], [n, 1]), [n]));
      sum(f).backward();
      const grads = active.map((r) => r.param!.grad ?? tensor([0, 0]));
      for (const r of active) r.optimizer!.step();
      return noGrad(() => concat([f, ...grads, ...active.map((r) => reshape(r.param!, [2]))]).data());
    });
    active.forEach((r, i) => {
      const fx = values[i];
      const g = [values[n + 2 * i], values[n + 2 * i + 1]];
      const after = [values[3 * n + 2 * i], values[3 * n + 2 * i + 1]];
      this.settle(r, fx, g, after);
    });
  }

  /** A racer's state after its evaluation: f and g at its point, and where its optimiser goes next. */
  private settle(r: Racer, fx: number, g: number[], after: number[]): void {
    const v = r.view;
    const here = v.trail[v.trail.length - 1];
    const step: Point = [after[0] - here[0], after[1] - here[1]];
    v.next = step.every(finite) ? step : null;
    r.ahead = [after[0], after[1]];
    if (!finite(fx) || !g.every(finite)) return this.stop(r, 'notFinite');
    const loss = this.landscape.fMin === null ? fx : Math.max(0, fx - this.landscape.fMin);
    v.losses.push(loss);
    if (this.landscape.fMin !== null && v.reached === null && loss < TARGET) v.reached = v.trail.length - 1;
    if (this.landscape.fMin !== null && loss < this.arrived) return this.stop(r, 'arrived');
    const [bx, by] = [this.bound.x, this.bound.y];
    if (!after.every(finite) || after[0] < bx[0] || after[0] > bx[1] || after[1] < by[0] || after[1] > by[1]) this.stop(r, 'diverged');
  }

  /** Stops a racer for good and frees its tensors: the others go on. */
  private stop(r: Racer, status: Exclude<RacerStatus, 'running'>): void {
    r.view.status = status;
    if (status !== 'diverged') r.view.next = null;
    r.optimizer?.zeroGrad();
    r.optimizer?.dispose();
    r.param?.dispose();
    r.optimizer = null;
    r.param = null;
  }

  /** The picture: plain copies, so nothing the figure holds changes under it. */
  view(): RaceView {
    return {
      step: this.steps,
      racers: this.racers.map(({ view: v }) => ({ ...v, trail: v.trail.slice(), losses: v.losses.slice() })),
    };
  }

  /** What must survive a change of backend: the running racers' parameters and optimisers. */
  keep(): (Tensor | optim.Optimizer)[] {
    return this.racers.flatMap((r) => (r.param && r.optimizer ? [r.param, r.optimizer] : []));
  }

  dispose(): void {
    for (const r of this.racers) {
      r.optimizer?.zeroGrad();
      r.optimizer?.dispose();
      r.param?.dispose();
      r.optimizer = null;
      r.param = null;
    }
  }
}
