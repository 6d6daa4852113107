// The compact MNIST files the build writes and the engine reads: one split per file,
//   bytes 0–3   magic "DLLM"
//   byte  4     format version
//   bytes 5–7   rows, columns, number of classes
//   bytes 8–11  seed of the split (uint32, little-endian)
//   bytes 12–15 number of images n (uint32, little-endian)
//   then n label bytes, then n·rows·columns pixel bytes (0–255, row by row).
// Shared by the converter (build time, Node) and the loader (browser), so both agree by construction.

export const MNIST_MAGIC = 'DLLM';
export const MNIST_VERSION = 1;
export const MNIST_HEADER_BYTES = 16;
export const MNIST_FILES = { train: 'mnist-train.bin', test: 'mnist-test.bin' } as const;

export interface MnistArrays {
  rows: number;
  cols: number;
  classes: number;
  seed: number;
  count: number;
  labels: Uint8Array;
  /** count·rows·cols bytes. */
  pixels: Uint8Array;
}

export function encodeMnist(a: MnistArrays): Uint8Array {
  const out = new Uint8Array(MNIST_HEADER_BYTES + a.count + a.pixels.length);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MNIST_MAGIC.charCodeAt(i);
  out[4] = MNIST_VERSION;
  out[5] = a.rows;
  out[6] = a.cols;
  out[7] = a.classes;
  view.setUint32(8, a.seed >>> 0, true);
  view.setUint32(12, a.count, true);
  out.set(a.labels, MNIST_HEADER_BYTES);
  out.set(a.pixels, MNIST_HEADER_BYTES + a.count);
  return out;
}

export function decodeMnist(buffer: ArrayBuffer | Uint8Array, what = 'MNIST file'): MnistArrays {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  if (bytes.length < MNIST_HEADER_BYTES) throw new Error(`${what}: ${bytes.length} bytes is too short for a header`);
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== MNIST_MAGIC) throw new Error(`${what}: not an MNIST data file (it starts with ${JSON.stringify(magic)}; an HTML page instead of the file?)`);
  if (bytes[4] !== MNIST_VERSION) throw new Error(`${what}: format version ${bytes[4]}, this engine reads ${MNIST_VERSION}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rows = bytes[5];
  const cols = bytes[6];
  const classes = bytes[7];
  const seed = view.getUint32(8, true);
  const count = view.getUint32(12, true);
  const expected = MNIST_HEADER_BYTES + count + count * rows * cols;
  if (bytes.length !== expected) throw new Error(`${what}: ${bytes.length} bytes, expected ${expected} for ${count} images of ${rows}×${cols}`);
  const labels = bytes.subarray(MNIST_HEADER_BYTES, MNIST_HEADER_BYTES + count);
  const pixels = bytes.subarray(MNIST_HEADER_BYTES + count);
  return { rows, cols, classes, seed, count, labels, pixels };
}
