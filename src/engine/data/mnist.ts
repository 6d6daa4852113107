// MNIST digits (LeCun et al. 1998) for the book's image chapters, from the compact files the build
// writes (see mnistFormat.ts and src/build/mnist.ts): 28×28 grey levels, one byte per pixel, split
// into train and test sets with no image in both. Fetched only when a widget asks: the caller
// passes the fetch, so the engine stays free of the DOM.
import * as tf from '@tensorflow/tfjs-core';
import { fromTf, type Tensor } from '../tensor';
import { decodeMnist, MNIST_FILES, type MnistArrays } from './mnistFormat';

export class MnistSplit {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  readonly classes: number;
  /** count·rows·cols grey levels, 0 (background) to 255 (ink). */
  readonly pixels: Uint8Array;
  /** count labels, 0–9. */
  readonly labels: Uint8Array;

  constructor(a: MnistArrays) {
    this.count = a.count;
    this.rows = a.rows;
    this.cols = a.cols;
    this.classes = a.classes;
    this.pixels = a.pixels;
    this.labels = a.labels;
  }

  /** Pixels of image `i` scaled to [0, 1], row by row (a widget draws or feeds these). */
  image(i: number): Float32Array {
    this.check(i);
    const size = this.rows * this.cols;
    const out = new Float32Array(size);
    for (let k = 0; k < size; k++) out[k] = this.pixels[i * size + k] / 255;
    return out;
  }

  /**
   * Images at `indices` as an engine tensor x [n, rows, cols, 1] scaled to [0, 1], with their
   * labels as plain numbers (what crossEntropy takes) and one-hot [n, classes].
   */
  batch(indices: readonly number[]): { x: Tensor; labels: number[]; oneHot: Tensor } {
    const size = this.rows * this.cols;
    const flat = new Float32Array(indices.length * size);
    const oneHot = new Float32Array(indices.length * this.classes);
    const labels: number[] = [];
    indices.forEach((idx, j) => {
      this.check(idx);
      for (let k = 0; k < size; k++) flat[j * size + k] = this.pixels[idx * size + k] / 255;
      labels.push(this.labels[idx]);
      oneHot[j * this.classes + this.labels[idx]] = 1;
    });
    return {
      x: fromTf(tf.tensor4d(flat, [indices.length, this.rows, this.cols, 1], 'float32')),
      labels,
      oneHot: fromTf(tf.tensor2d(oneHot, [indices.length, this.classes], 'float32')),
    };
  }

  private check(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.count) throw new Error(`MNIST: image index ${i} outside [0, ${this.count})`);
  }
}

export interface Mnist {
  train: MnistSplit;
  test: MnistSplit;
}

const cache = new WeakMap<object, Promise<Mnist>>();

/**
 * Loads both splits through `fetchBytes(fileName)` (the book fetches from its data folder; tests
 * read the files from disk). One load per fetch function, however many widgets ask.
 */
export function loadMnist(fetchBytes: (file: string) => Promise<ArrayBuffer>): Promise<Mnist> {
  let p = cache.get(fetchBytes);
  if (!p) {
    p = Promise.all([fetchBytes(MNIST_FILES.train), fetchBytes(MNIST_FILES.test)]).then(([train, test]) => ({
      train: new MnistSplit(decodeMnist(train, MNIST_FILES.train)),
      test: new MnistSplit(decodeMnist(test, MNIST_FILES.test)),
    }));
    cache.set(fetchBytes, p);
    p.catch(() => cache.delete(fetchBytes));
  }
  return p;
}
