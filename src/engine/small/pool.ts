// Buffers for the small path, reused inside `tidy`.
//
// A typed array of more than 16 floats is allocated outside the JavaScript heap, which costs about
// a microsecond here: more than the arithmetic of most small ops, and a step of the Lab's network
// makes dozens. Inside `tidy` the engine knows when a small tensor's life ends (as TensorFlow.js
// does for its own tensors): when the scope closes, every tensor made in it and not returned is
// disposed and its buffer goes back to a free list by length, for the next step to take. Outside
// any scope nothing is reused: arrays are allocated and left to the garbage collector.
//
// Every pooled buffer has exactly one owner: a tensor registered in the open scope, a gradient
// being propagated (autograd.ts releases those once the pass is over), or a kernel's temporary,
// released by the kernel itself.

/** Arrays this short live on the JavaScript heap and cost nothing to allocate: never pooled. */
const ON_HEAP = 16;
/** Free buffers kept per length (beyond this, released buffers go to the garbage collector). */
const KEEP_PER_LENGTH = 512;

const free = new Map<number, Float32Array[]>();
/** Buffers in a free list, so that one released twice is not handed out twice. */
const idle = new WeakSet<Float32Array>();
let scopes = 0;

/** Whether buffers are reused now (a `tidy` scope is open). */
export function pooling(): boolean {
  return scopes > 0;
}

export function openPoolScope(): void {
  scopes++;
}

export function closePoolScope(): void {
  scopes--;
}

/** A buffer of `n` floats whose contents are unspecified (the caller writes every entry). */
export function buffer(n: number): Float32Array {
  if (n <= ON_HEAP || scopes === 0) return new Float32Array(n);
  const list = free.get(n);
  const b = list?.pop();
  if (!b) return new Float32Array(n);
  idle.delete(b);
  return b;
}

/** A buffer of `n` zeros. */
export function zeroBuffer(n: number): Float32Array {
  if (n <= ON_HEAP || scopes === 0) return new Float32Array(n);
  return buffer(n).fill(0);
}

/** Gives a buffer back once nothing reads it any more. */
export function release(b: Float32Array): void {
  const n = b.length;
  if (n <= ON_HEAP || idle.has(b)) return;
  let list = free.get(n);
  if (!list) free.set(n, (list = []));
  if (list.length >= KEEP_PER_LENGTH) return;
  idle.add(b);
  list.push(b);
}

/** Buffers waiting in the free lists (a bench checks that this stays flat over many steps). */
export function pooledBuffers(): number {
  let n = 0;
  for (const list of free.values()) n += list.length;
  return n;
}
