// Module: the base of every layer and model, after PyTorch's `torch.nn.Module`.
//
// A module registers what it owns by name: trainable parameters (engine Tensors: small ones on the
// small path, larger ones tf.Variables), buffers (state that is saved but not trained, such as batch norm's running
// statistics) and child modules. Everything else follows from those three lists, in the order
// they were registered: `namedParameters()` ("0.weight", "0.bias", "2.weight", …), the state
// dict, `zeroGrad()`, `train()`/`eval()` and `dispose()`.
import * as tf from '@tensorflow/tfjs-core';
import { parameter, type Tensor } from '../tensor';

/** One saved array: plain numbers, so a state dict can go through JSON. */
export interface SavedArray {
  shape: number[];
  values: number[];
}

export type StateDict = Record<string, SavedArray>;

export abstract class Module {
  private readonly ownParameters = new Map<string, Tensor>();
  private readonly ownBuffers = new Map<string, tf.Variable>();
  private readonly ownChildren = new Map<string, Module>();
  private isTraining = true;

  /** The layer's computation. Subclasses narrow the signature (`forward(x: Tensor): Tensor`). */
  abstract forward(...inputs: never[]): unknown;

  /** Registers a trainable parameter; `initial` is moved into a tf.Variable. */
  protected addParameter(name: string, initial: tf.Tensor): Tensor {
    this.checkFreeName(name);
    const p = parameter(initial, name);
    this.ownParameters.set(name, p);
    return p;
  }

  /** Registers saved, untrained state (running statistics); `initial` is moved into a tf.Variable. */
  protected addBuffer(name: string, initial: tf.Tensor): tf.Variable {
    this.checkFreeName(name);
    const v = tf.variable(initial, false, undefined, 'float32');
    initial.dispose();
    this.ownBuffers.set(name, v);
    return v;
  }

  /** Registers a child module, whose parameters appear under `name.`. */
  protected addModule<M extends Module>(name: string, child: M): M {
    this.checkFreeName(name);
    this.ownChildren.set(name, child);
    return child;
  }

  private checkFreeName(name: string): void {
    if (name.includes('.')) throw new Error(`Module: name "${name}" must not contain a dot`);
    if (this.ownParameters.has(name) || this.ownBuffers.has(name) || this.ownChildren.has(name)) {
      throw new Error(`Module: "${name}" is already registered`);
    }
  }

  /** Child modules with their names, in registration order. */
  namedChildren(): [string, Module][] {
    return [...this.ownChildren];
  }

  /**
   * Every trainable parameter of this module and its descendants, with dotted names. A parameter
   * shared by two layers (tied weights) is listed once, under its first name, as in PyTorch, so
   * an optimiser does not update it twice.
   */
  namedParameters(prefix = ''): [string, Tensor][] {
    const seen = new Set<Tensor>();
    return this.allParameters(prefix).filter(([, p]) => !seen.has(p) && seen.add(p));
  }

  private allParameters(prefix: string): [string, Tensor][] {
    const out: [string, Tensor][] = [];
    for (const [name, p] of this.ownParameters) out.push([prefix + name, p]);
    for (const [name, child] of this.ownChildren) out.push(...child.allParameters(`${prefix}${name}.`));
    return out;
  }

  parameters(): Tensor[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /** Every buffer of this module and its descendants, with dotted names. */
  namedBuffers(prefix = ''): [string, tf.Variable][] {
    const out: [string, tf.Variable][] = [];
    for (const [name, b] of this.ownBuffers) out.push([prefix + name, b]);
    for (const [name, child] of this.ownChildren) out.push(...child.namedBuffers(`${prefix}${name}.`));
    return out;
  }

  /** Number of trained numbers (buffers excluded, as PyTorch's `sum(p.numel() for p in parameters())`). */
  numParameters(): number {
    return this.parameters().reduce((n, p) => n + p.size, 0);
  }

  /** Forgets every parameter's gradient (PyTorch's `zero_grad(set_to_none=True)`). */
  zeroGrad(): void {
    for (const p of this.parameters()) {
      p.grad?.dispose();
      p.grad = null;
    }
  }

  get training(): boolean {
    return this.isTraining;
  }

  /** Training mode (dropout drops, batch norm uses batch statistics), for this module and all below. */
  train(mode = true): this {
    this.isTraining = mode;
    for (const child of this.ownChildren.values()) child.train(mode);
    return this;
  }

  /** Evaluation mode: dropout passes through, batch norm uses its running statistics. */
  eval(): this {
    return this.train(false);
  }

  /** Parameters and buffers as plain arrays, keyed by dotted name: JSON-ready. */
  stateDict(): StateDict {
    const out: StateDict = {};
    for (const [name, p] of this.namedParameters()) out[name] = { shape: [...p.shape], values: Array.from(p.data()) };
    for (const [name, b] of this.namedBuffers()) out[name] = saveArray(b);
    return out;
  }

  /**
   * Loads a state dict made by `stateDict()` (possibly through JSON). Every key must be present
   * and no other, with matching shapes; nothing is changed unless the whole dict fits. The values
   * are written on the current backend.
   */
  loadStateDict(state: StateDict): void {
    // Each target's shape, and how new values are written into it (wherever the parameter lives).
    const targets = new Map<string, { shape: number[]; write: (values: number[]) => void }>();
    for (const [name, p] of this.namedParameters()) targets.set(name, { shape: p.shape, write: (values) => p.assignValues(values) });
    for (const [name, b] of this.namedBuffers()) {
      targets.set(name, { shape: b.shape, write: (values) => tf.tidy(() => b.assign(tf.tensor(values, b.shape, 'float32'))) });
    }
    const missing = [...targets.keys()].filter((k) => !(k in state));
    const extra = Object.keys(state).filter((k) => !targets.has(k));
    if (missing.length || extra.length) {
      const parts: string[] = [];
      if (missing.length) parts.push(`missing keys: ${missing.join(', ')}`);
      if (extra.length) parts.push(`unexpected keys: ${extra.join(', ')}`);
      throw new Error(`loadStateDict: ${parts.join('; ')}`);
    }
    for (const [name, v] of targets) checkSavedArray(`loadStateDict: "${name}"`, state[name], v.shape);
    for (const [name, v] of targets) v.write(state[name].values);
  }

  /** Frees every variable (and gradient) of this module and its descendants. */
  dispose(): void {
    for (const p of this.ownParameters.values()) p.dispose();
    for (const b of this.ownBuffers.values()) b.dispose();
    for (const child of this.ownChildren.values()) child.dispose();
  }
}

/** A module mapping one tensor to one tensor: what `Sequential` chains. */
export interface TensorModule extends Module {
  forward(x: Tensor): Tensor;
}

export function saveArray(t: tf.Tensor): SavedArray {
  return { shape: [...t.shape], values: Array.from(t.dataSync()) };
}

/** Throws, naming `what`, unless `saved` is a well-formed array of `shape`. */
export function checkSavedArray(what: string, saved: SavedArray | undefined, shape: readonly number[]): void {
  if (!saved || !Array.isArray(saved.shape) || !Array.isArray(saved.values)) {
    throw new Error(`${what}: expected {shape, values}`);
  }
  if (saved.shape.length !== shape.length || saved.shape.some((d, i) => d !== shape[i])) {
    throw new Error(`${what}: shape [${saved.shape}] does not match [${shape}]`);
  }
  const size = shape.reduce((n, d) => n * d, 1);
  if (saved.values.length !== size) {
    throw new Error(`${what}: ${saved.values.length} values for shape [${shape}] (needs ${size})`);
  }
}
