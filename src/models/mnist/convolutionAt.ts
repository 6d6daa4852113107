// One value of a first-layer feature map, redone by hand: the k×k patch of the image under the
// kernel at (row, col), the products, their sum plus the bias, and the ReLU. The convolution is
// the engine's (stride 1, no padding, cross-correlation as in every deep-learning library), so the
// result is the map's own value at that place.

export interface ConvolutionStep {
  /** The k·k image values under the kernel, row by row. */
  patch: number[];
  /** patch[i] · kernel[i]. */
  products: number[];
  /** Σ products + bias, before the ReLU. */
  z: number;
  /** max(0, z): the feature map's value. */
  a: number;
}

export function convolutionAt(image: ArrayLike<number>, side: number, kernel: ArrayLike<number>, k: number, bias: number, row: number, col: number): ConvolutionStep {
  const out = side - k + 1;
  if (row < 0 || col < 0 || row >= out || col >= out) throw new Error(`(${row}, ${col}) is outside the ${out}×${out} map`);
  const patch: number[] = [];
  const products: number[] = [];
  let z = bias;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const x = image[(row + i) * side + col + j];
      const w = kernel[i * k + j];
      patch.push(x);
      products.push(x * w);
      z += x * w;
    }
  }
  return { patch, products, z, a: Math.max(0, z) };
}
