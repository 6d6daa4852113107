// The small-tensor path: where a tensor lives, and in what precision.
//
// TensorFlow.js spends microseconds of bookkeeping on every kernel whatever its size (a scope, a
// data id, a backend dispatch, a shape check), which dominates the book's tiny models: a 2-8-8-1
// network on a batch of 10 does about a hundred multiply-adds per layer. Below a size, a tensor's
// values therefore live in a plain Float32Array and the engine's own loops (small/*.ts, called from
// each op beside its TensorFlow.js form) compute it; above it, TensorFlow.js as before. An op whose
// operands all live on the small path, and whose result fits, runs there; any other op copies its
// small operands into TensorFlow.js (once per memory scope) and runs there. A caller never sees
// the difference: `data()`, `dispose`, `tidy`, parameters and optimisers work on both.
//
// Precision, in one place:
// - Small path: values are stored as float32, like TensorFlow.js. Each kernel computes in float64
//   (JavaScript numbers) and rounds once when it stores a result, which is what the plain-JS `cpu`
//   backend of TensorFlow.js does, so a small tensor holds the numbers the cpu backend would: exp(89)
//   overflows to Infinity, σ(40) rounds to 1, and a tensor crossing the size limit keeps its
//   values bit for bit. Float64 storage was not taken for that reason: results would otherwise
//   depend on a tensor's size, and the chapters' float32 figures would change.
// - TensorFlow.js path: float32 on every backend; the wasm and webgl kernels also compute in float32
//   (webgl on a software GPU may round more coarsely).
//
// The limits come from `npm run bench -- --crossover` (tests/bench/crossover.ts: one op forward
// and backward at growing sizes, both ways, operands resident as a model's weights are), checked on
// whole models (the Lab's step, the character model at batch 1):
// - wasm: the small path wins every element-wise op measured (to 65,536 entries) and products up
//   to about 65,536 multiply-adds (0.95 of the time there, 4× slower at 190,000). Tensors up to
//   65,536 entries live there, so the character model at batch 1 keeps its weights (the recurrent
//   one has 65,536 entries) on the small path and runs each step there, its read-out product
//   (190,000 multiply-adds for a window) excepted: about 2.5× as fast in Chromium as with the
//   weights in WebAssembly (4,200 characters per second against 1,700), since an LSTM step is one
//   fused node (ops/lstmCell.ts); with the step composed of a dozen element-wise nodes it was 0.6×,
//   and the limit 4,096 entries. A batch of 32 sequences (2 million multiply-adds) still goes to
//   WebAssembly, its weights with it after the first step (their gradients come from there).
// - webgl: each kernel costs far more to start (a draw call, and a read back to the CPU), so the
//   character model at batch 1 ran at a tenth of the plain-JS reference with its weights on the GPU
//   (SwiftShader), and at 0.6 with only its read-out product (190,000 multiply-adds) there: tensors
//   up to 65,536 entries and products up to 262,144 multiply-adds live on the small path; a batch of
//   32 sequences (2 million) or a layer of MNIST (6 million) still goes to the GPU.
// - cpu (TensorFlow.js's own plain-JS kernels): the small path wins at every size measured, about
//   twice as fast for products of a million multiply-adds: larger limits.

/** Largest number of elements a tensor on the small path may have (wasm). */
export const DEFAULT_SMALL_ELEMENTS = 1 << 16;
/** Largest matrix product (multiply-adds, m·k·n) the small path computes (wasm). */
export const DEFAULT_SMALL_PRODUCT = 65536;

/** The limits the engine takes on a backend (backend.ts sets them when it settles on one). */
export function limitsFor(backend: string): SmallLimits {
  if (backend === 'cpu') return { elements: 1 << 16, product: 1 << 20 };
  if (backend === 'webgl') return { elements: 1 << 16, product: 1 << 18 };
  return { elements: DEFAULT_SMALL_ELEMENTS, product: DEFAULT_SMALL_PRODUCT };
}

let elements = DEFAULT_SMALL_ELEMENTS;
let product = DEFAULT_SMALL_PRODUCT;

/** Whether a tensor of `size` elements lives on the small path. */
export function fitsSmall(size: number): boolean {
  return size <= elements;
}

/** Whether a matrix product of `multiplyAdds` multiply-adds, giving `size` elements, runs on the small path. */
export function productFitsSmall(multiplyAdds: number, size: number): boolean {
  return size <= elements && multiplyAdds <= product;
}

export interface SmallLimits {
  elements: number;
  product: number;
}

export function smallLimits(): SmallLimits {
  return { elements, product };
}

/**
 * Runs `fn` with other limits (0 sends everything to TensorFlow.js; Infinity keeps everything the
 * small path has a kernel for on it), then restores the previous ones. Tests run every op table
 * both ways; a bench measures where the paths cross. `fn` must be synchronous.
 */
export function withSmallLimits<T>(limits: Partial<SmallLimits>, fn: () => T): T {
  const before = { elements, product };
  setSmallLimits(limits);
  try {
    return fn();
  } finally {
    setSmallLimits(before);
  }
}

/** Sets the limits until changed again (a test file's beforeAll, a bench run). */
export function setSmallLimits(limits: Partial<SmallLimits>): void {
  elements = limits.elements ?? elements;
  product = limits.product ?? product;
}
