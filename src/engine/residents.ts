// Residents: state that must survive a change of backend. When the WebGL context is lost, nothing
// can be read from it any more, so live models keep a copy of their state in plain memory, taken
// while the backend still answers, and are re-created from it on the next backend (backend.ts
// decides when). No React, no DOM.
import * as tf from '@tensorflow/tfjs-core';
import { Tensor } from './tensor';


/** Something holding tfjs memory that can be copied out and re-created on another backend. */
export interface Resident {
  /** Copies the state to plain memory. Only called while the backend still answers. */
  capture(): Promise<void>;
  /** Re-creates the state on the (new) current backend from the last capture. */
  restore(): void;
}

const residents = new Set<Resident>();

/** Registers a resident; returns the function that unregisters it (call it on dispose). */
export function registerResident(resident: Resident): () => void {
  residents.add(resident);
  return () => residents.delete(resident);
}

/** Anything with a plain-array state (models, optimisers): `stateDict()` / `loadStateDict()`. */
export interface StateDictHolder {
  stateDict(): unknown;
  loadStateDict(state: never): void;
}

/**
 * The resident most callers want: copies what `items()` lists (engine Tensors, read
 * asynchronously; state-dict holders, read once that read has drained the GPU queue, so their
 * synchronous read costs a copy, not a pipeline stall) and puts it back on a new backend.
 * `items` is called at every capture, so a reset may swap the model. Parameters come back as
 * variables (optimisers `assign` into them), other tensors as plain tensors.
 */
export class CarriedState implements Resident {
  private tensors = new Map<Tensor, { values: Float32Array; shape: number[] }>();
  private states = new Map<StateDictHolder, unknown>();
  private allFinite = true;

  constructor(private readonly items: () => (StateDictHolder | Tensor)[]) {}

  async capture(): Promise<void> {
    const items = this.items();
    const tensors = items.filter((x): x is Tensor => x instanceof Tensor);
    const holders = items.filter((x): x is StateDictHolder => !(x instanceof Tensor));
    // Clones pin the current values: an optimiser may `assign` new ones while the read is under way.
    // Small tensors live in plain memory already: copied at once.
    const clones = tensors.map((t) => (t.small ? null : tf.tidy(() => tf.clone(t.asTf()))));
    let values: Float32Array[];
    try {
      values = (await Promise.all(clones.map((c, i) => (c ? c.data() : tensors[i].data())))) as Float32Array[];
    } finally {
      clones.forEach((c) => c?.dispose());
    }
    let finite = true;
    const nextTensors = new Map<Tensor, { values: Float32Array; shape: number[] }>();
    tensors.forEach((t, i) => {
      const copy = Float32Array.from(values[i]);
      if (finite && !copy.every(Number.isFinite)) finite = false;
      nextTensors.set(t, { values: copy, shape: t.shape.slice() });
    });
    const nextStates = new Map<StateDictHolder, unknown>();
    for (const h of holders) {
      const state = h.stateDict();
      if (finite && !allFiniteIn(state)) finite = false;
      nextStates.set(h, state);
    }
    this.tensors = nextTensors;
    this.states = nextStates;
    this.allFinite = finite;
  }

  /** Whether every number of the last capture was finite (a diverged run's weights are not). */
  finite(): boolean {
    return this.allFinite;
  }

  /** The last captured values of `t`, or undefined when it was never captured. */
  captured(t: Tensor): Float32Array | undefined {
    return this.tensors.get(t)?.values;
  }

  restore(): void {
    for (const [t, copy] of this.tensors) {
      if (t.small) {
        // Plain memory survives a backend change: only the values go back to the capture's.
        t.small.set(copy.values);
        t.changed();
        t.grad = null;
        continue;
      }
      const old = t.value;
      const fresh = tf.tensor(copy.values, copy.shape, 'float32');
      if (old instanceof tf.Variable) {
        t.value = tf.variable(fresh, old.trainable, undefined, 'float32');
        fresh.dispose();
      } else {
        t.value = fresh;
      }
      disposeQuietly(old);
      if (t.grad) {
        if (t.grad.stored) disposeQuietly(t.grad.stored);
        t.grad = null;
      }
    }
    for (const [h, state] of this.states) (h.loadStateDict as (s: unknown) => void)(state);
  }
}

function allFiniteIn(state: unknown): boolean {
  if (typeof state === 'number') return Number.isFinite(state);
  if (Array.isArray(state)) return state.every(allFiniteIn);
  if (state && typeof state === 'object') return Object.values(state).every(allFiniteIn);
  return true;
}

function disposeQuietly(t: tf.Tensor): void {
  try {
    t.dispose();
  } catch {
    // A tensor of a lost WebGL context cannot free GPU memory that is already gone.
  }
}

/** Captures every registered resident (while the backend answers). */
export async function captureResidents(): Promise<void> {
  await Promise.all([...residents].map((r) => r.capture()));
}

/** Re-creates every registered resident on the current backend from its last capture. */
export function restoreResidents(): void {
  for (const r of residents) r.restore();
}
