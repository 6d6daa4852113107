// The base of every optimiser: which parameters it moves, its per-parameter state ("slots":
// momentum buffers, running averages), and the rules every update follows:
// - `step()` reads each parameter's gradient and writes the new value into the parameter: on the
//   small path in place (`updateSmall`, slots as Float32Arrays, each step of the formula rounded to
//   float32 as the TensorFlow.js form rounds it), otherwise into its tf.Variable with `assign`,
//   inside one tf.tidy; with gradient recording off, so an update leaves no tensor and no graph
//   behind. A small parameter whose gradient came from TensorFlow.js (it met a tensor too large for
//   the small path) moves to a tf.Variable for good, its slots with it;
// - a parameter without a gradient (unused in this step) is skipped, as in PyTorch;
// - slots are tf.Variables created at a parameter's first update and freed by `dispose()`;
// - `stateDict()` / `loadStateDict()` carry everything as plain arrays, so training can move to
//   another backend mid-run (load re-creates every slot on the backend in use).
import * as tf from '@tensorflow/tfjs-core';
import { checkSavedArray, saveArray, type SavedArray } from '../nn/module';
import { noGrad, type Tensor } from '../tensor';

/** Anything with parameters: a list of them, or a module. */
export type ParameterSource = Tensor[] | { parameters(): Tensor[] };

export interface OptimizerState {
  /** The optimiser's name: a state is only loaded into an optimiser of the same kind. */
  type: string;
  lr: number;
  /** Updates applied to each parameter so far (PyTorch's per-parameter `step`). */
  steps: number[];
  /** Slot arrays keyed "<parameter index>.<slot>", e.g. "0.expAvg". */
  slots: Record<string, SavedArray>;
}

export abstract class Optimizer {
  readonly params: readonly Tensor[];
  /** Learning rate; schedules and widgets may change it between steps. */
  lr: number;
  /** Updates applied to each parameter so far. */
  protected readonly steps: number[];
  private readonly slotMaps: Map<string, tf.Variable>[];
  private readonly smallSlotMaps: Map<string, Float32Array>[];

  constructor(
    readonly type: string,
    params: ParameterSource,
    lr: number,
  ) {
    this.params = Array.isArray(params) ? [...params] : params.parameters();
    if (this.params.length === 0) throw new Error(`${type}: no parameters to optimise`);
    this.params.forEach((p, i) => {
      if (!p.isParameter) throw new Error(`${type}: parameter ${i} (${p.name ?? 'unnamed'}) is not a variable`);
    });
    checkPositive(type, 'lr', lr);
    this.lr = lr;
    this.steps = this.params.map(() => 0);
    this.slotMaps = this.params.map(() => new Map());
    this.smallSlotMaps = this.params.map(() => new Map());
  }

  /** One update of every parameter that has a gradient. */
  step(): void {
    const large: number[] = [];
    noGrad(() => {
      this.params.forEach((p, i) => {
        const g = p.grad;
        if (!g) return;
        if (p.small && g.small) {
          this.steps[i] += 1;
          this.updateSmall(i, p.small, g.small, this.steps[i]);
          p.changed();
        } else large.push(i);
      });
      if (!large.length) return;
      tf.tidy(() => {
        for (const i of large) {
          const p = this.params[i];
          if (p.small) this.moveToTf(i);
          this.steps[i] += 1;
          this.update(i, p.value as tf.Variable, p.grad!.asTf(), this.steps[i]);
        }
      });
    });
  }

  /** Writes the new value of parameter `index` (a variable) from its gradient; `t` counts from 1. */
  protected abstract update(index: number, param: tf.Variable, grad: tf.Tensor, t: number): void;

  /** The same on the small path: writes into `param` in place, every step rounded as `update`'s kernels round. */
  protected abstract updateSmall(index: number, param: Float32Array, grad: Float32Array, t: number): void;

  /** Moves parameter `index` and its slots from the small path into tf.Variables. */
  private moveToTf(index: number): void {
    this.params[index].moveToTf();
    const shape = this.params[index].shape;
    for (const [name, values] of this.smallSlotMaps[index]) {
      const initial = tf.tensor(values, shape, 'float32');
      this.slotMaps[index].set(name, tf.variable(initial, false));
      initial.dispose();
    }
    this.smallSlotMaps[index].clear();
  }

  /** Forgets every parameter's gradient (as `Module.zeroGrad`). */
  zeroGrad(): void {
    for (const p of this.params) {
      p.grad?.dispose();
      p.grad = null;
    }
  }

  /** The small-path slot `name` of parameter `index`, zeros at first use (`fill` to start elsewhere). */
  protected smallSlot(index: number, name: string, fill = 0): Float32Array {
    const slots = this.smallSlotMaps[index];
    let v = slots.get(name);
    if (!v) {
      v = new Float32Array(this.params[index].size).fill(fill);
      slots.set(name, v);
    }
    return v;
  }

  /** The slot `name` of parameter `index`, created as zeros of the parameter's shape at first use. */
  protected slot(index: number, name: string): tf.Variable {
    const slots = this.slotMaps[index];
    let v = slots.get(name);
    if (!v) {
      const zeros = tf.zeros(this.params[index].shape);
      v = tf.variable(zeros, false);
      zeros.dispose();
      slots.set(name, v);
    }
    return v;
  }

  stateDict(): OptimizerState {
    const slots: Record<string, SavedArray> = {};
    this.slotMaps.forEach((map, i) => {
      for (const [name, v] of map) slots[`${i}.${name}`] = saveArray(v);
    });
    this.smallSlotMaps.forEach((map, i) => {
      for (const [name, v] of map) slots[`${i}.${name}`] = { shape: [...this.params[i].shape], values: Array.from(v) };
    });
    return { type: this.type, lr: this.lr, steps: [...this.steps], slots };
  }

  /** Restores a state from `stateDict()` (possibly through JSON), on the backend now in use. */
  loadStateDict(state: OptimizerState): void {
    if (state.type !== this.type) throw new Error(`${this.type}.loadStateDict: state is for ${state.type}`);
    if (!Array.isArray(state.steps) || state.steps.length !== this.params.length) {
      throw new Error(`${this.type}.loadStateDict: state has ${state.steps?.length} parameters, this optimiser ${this.params.length}`);
    }
    const parsed: { index: number; name: string; saved: SavedArray }[] = [];
    for (const [key, saved] of Object.entries(state.slots)) {
      const dot = key.indexOf('.');
      const index = Number(key.slice(0, dot));
      const name = key.slice(dot + 1);
      if (dot < 0 || !Number.isInteger(index) || index < 0 || index >= this.params.length || !this.slotNames.includes(name)) {
        throw new Error(`${this.type}.loadStateDict: unexpected slot "${key}"`);
      }
      checkSavedArray(`${this.type}.loadStateDict: slot "${key}"`, saved, this.params[index].shape);
      parsed.push({ index, name, saved });
    }
    this.disposeSlots();
    for (const { index, name, saved } of parsed) {
      if (this.params[index].small) {
        this.smallSlotMaps[index].set(name, Float32Array.from(saved.values));
        continue;
      }
      const initial = tf.tensor(saved.values, saved.shape, 'float32');
      this.slotMaps[index].set(name, tf.variable(initial, false));
      initial.dispose();
    }
    state.steps.forEach((s, i) => (this.steps[i] = s));
    this.lr = state.lr;
  }

  /** The slot names this optimiser may create (checked when a state is loaded). */
  protected abstract readonly slotNames: readonly string[];

  private disposeSlots(): void {
    for (const map of this.slotMaps) {
      for (const v of map.values()) v.dispose();
      map.clear();
    }
    for (const map of this.smallSlotMaps) map.clear();
  }

  /** Frees the optimiser's state (not the parameters: they belong to the model). */
  dispose(): void {
    this.disposeSlots();
  }
}

/** Throws unless `value` is a finite number ≥ 0 (> 0 when `strict`). */
export function checkPositive(type: string, name: string, value: number, strict = false): void {
  if (!Number.isFinite(value) || value < 0 || (strict && value === 0)) {
    throw new Error(`${type}: ${name} must be ${strict ? 'positive' : 'non-negative'}, got ${value}`);
  }
}

/** Throws unless 0 ≤ value < 1. */
export function checkFraction(type: string, name: string, value: number): void {
  if (!(value >= 0 && value < 1)) throw new Error(`${type}: ${name} must be in [0, 1), got ${value}`);
}
