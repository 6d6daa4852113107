// The MNIST files the build writes, read through the engine's loader. In Node the files are made
// (if missing or stale) and read from disk; in Chromium they are fetched from the test server's
// public folder, and the block is skipped, with the reason, when they are not served there.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, type Mnist } from '../../src/engine/data/mnist';
import { decodeMnist, encodeMnist, MNIST_FILES } from '../../src/engine/data/mnistFormat';

const inBrowser = typeof window !== 'undefined';

async function nodeFetcher(): Promise<(file: string) => Promise<ArrayBuffer>> {
  const { ensureMnist } = await import('../../src/build/mnist');
  const { readFile } = await import('node:fs/promises');
  const { resolve } = await import('node:path');
  const dir = resolve('public', 'data');
  ensureMnist(dir);
  return async (file) => {
    const b = await readFile(resolve(dir, file));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  };
}

const browserFetch = async (file: string): Promise<ArrayBuffer> => {
  const r = await fetch(`/data/${file}`);
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return r.arrayBuffer();
};

let unavailable: string | null = null;
if (inBrowser) {
  try {
    const probe = new Uint8Array(await browserFetch(MNIST_FILES.test));
    decodeMnist(probe, MNIST_FILES.test);
  } catch (e) {
    unavailable = `the test server does not serve public/data (${(e as Error).message}); the Node run checks the files`;
  }
}

const block = unavailable ? describe.skip : describe;

block(`MNIST files${unavailable ? ` [skipped: ${unavailable}]` : ''}`, () => {
  let mnist: Mnist;

  beforeAll(async () => {
    await tf.setBackend('cpu');
    mnist = await loadMnist(inBrowser ? browserFetch : await nodeFetcher());
  }, 60_000);

  it('has 28×28 images, 8,000 for training and 2,000 for testing', () => {
    for (const split of [mnist.train, mnist.test]) {
      expect(split.rows).toBe(28);
      expect(split.cols).toBe(28);
      expect(split.classes).toBe(10);
      expect(split.pixels.length).toBe(split.count * 784);
      expect(split.labels.length).toBe(split.count);
    }
    expect(mnist.train.count).toBe(8000);
    expect(mnist.test.count).toBe(2000);
  });

  it('labels are 0–9 and every digit is in both splits in about the same share', () => {
    for (const split of [mnist.train, mnist.test]) {
      const counts = new Array(10).fill(0);
      for (const l of split.labels) {
        expect(l).toBeGreaterThanOrEqual(0);
        expect(l).toBeLessThanOrEqual(9);
        counts[l]++;
      }
      for (const c of counts) expect(c / split.count).toBeGreaterThan(0.07);
    }
    // The split is stratified: each digit's share of the test set is a fifth of its images.
    const share = (split: typeof mnist.test, d: number) => split.labels.filter((l) => l === d).length;
    for (let d = 0; d < 10; d++) {
      const total = share(mnist.train, d) + share(mnist.test, d);
      expect(Math.abs(share(mnist.test, d) - 0.2 * total)).toBeLessThanOrEqual(1);
    }
  });

  it('no image is in both splits (nor twice in one)', () => {
    const key = (split: typeof mnist.train, i: number) => Array.from(split.pixels.subarray(i * 784, (i + 1) * 784)).join(',');
    const seen = new Set<string>();
    for (let i = 0; i < mnist.train.count; i++) seen.add(key(mnist.train, i));
    expect(seen.size).toBe(mnist.train.count);
    for (let i = 0; i < mnist.test.count; i++) expect(seen.has(key(mnist.test, i))).toBe(false);
  });

  it('pixels span 0–255 and look like digits: dark borders, ink in the middle', () => {
    let max = 0;
    let borderInk = 0;
    let centreInk = 0;
    for (let i = 0; i < 500; i++) {
      const img = mnist.train.pixels.subarray(i * 784, (i + 1) * 784);
      for (let r = 0; r < 28; r++) {
        for (let c = 0; c < 28; c++) {
          const v = img[r * 28 + c];
          max = Math.max(max, v);
          if (r === 0 || c === 0 || r === 27 || c === 27) borderInk += v;
          if (r >= 10 && r < 18 && c >= 10 && c < 18) centreInk += v;
        }
      }
    }
    expect(max).toBe(255);
    expect(centreInk).toBeGreaterThan(100 * borderInk);
  });

  it('batches are engine tensors [n, 28, 28, 1] in [0, 1] with matching labels', () => {
    const before = tf.memory().numTensors;
    const b = mnist.test.batch([0, 5, 7]);
    expect(b.x.shape).toEqual([3, 28, 28, 1]);
    expect(b.oneHot.shape).toEqual([3, 10]);
    expect(b.labels).toEqual([0, 5, 7].map((i) => mnist.test.labels[i]));
    const x = b.x.data();
    expect(Math.min(...x)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...x)).toBeLessThanOrEqual(1);
    expect(Array.from(x.subarray(784, 2 * 784))).toEqual(Array.from(mnist.test.image(5)));
    const oh = b.oneHot.data();
    b.labels.forEach((l, i) => expect(Array.from(oh.subarray(i * 10, i * 10 + 10)).indexOf(1)).toBe(l));
    b.x.dispose();
    b.oneHot.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => mnist.test.batch([2000])).toThrow(/outside \[0, 2000\)/);
  });

  it('one load per fetch function', async () => {
    const f = async (file: string) => (inBrowser ? browserFetch(file) : (await nodeFetcher())(file));
    expect(loadMnist(f)).toBe(loadMnist(f));
  });
});

describe('MNIST file format', () => {
  it('round-trips and refuses an HTML page served in its place', () => {
    const a = { rows: 2, cols: 2, classes: 10, seed: 5, count: 2, labels: Uint8Array.from([3, 9]), pixels: Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 255]) };
    const back = decodeMnist(encodeMnist(a));
    expect(back.count).toBe(2);
    expect(Array.from(back.labels)).toEqual([3, 9]);
    expect(Array.from(back.pixels)).toEqual([0, 1, 2, 3, 4, 5, 6, 255]);
    expect(back.seed).toBe(5);
    const html = new TextEncoder().encode('<!doctype html><html></html>');
    expect(() => decodeMnist(html, 'mnist-train.bin')).toThrow(/not an MNIST data file.*HTML/);
    expect(() => decodeMnist(encodeMnist(a).subarray(0, 20))).toThrow(/bytes, expected/);
  });
});
