// The drawing widget's MNIST preparation: bounding box, a 20×20 fit that keeps the aspect ratio,
// area-average resampling (nothing lost, nothing invented), and the centre of mass at (14, 14).
// A real test digit, blown up to canvas size and prepared again, must come back close to itself.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeMnist } from '../../src/engine/data/mnistFormat.ts';
import { ensureMnist } from '../../src/build/mnist.ts';
import { boundingBox, centreOfMass, resampleArea, SIDE, toMnist } from '../../src/widgets/DrawDigit/preprocess.ts';

/** A w×h canvas with a filled rectangle of ink. */
function canvasWith(w: number, h: number, rect: { x: number; y: number; cw: number; ch: number }): Float32Array {
  const ink = new Float32Array(w * h);
  for (let y = rect.y; y < rect.y + rect.ch; y++) for (let x = rect.x; x < rect.x + rect.cw; x++) ink[y * w + x] = 1;
  return ink;
}

describe('MNIST-style preprocessing', () => {
  it('an empty canvas gives nothing', () => {
    expect(toMnist(new Float32Array(280 * 280), 280, 280)).toBeNull();
    expect(boundingBox(new Float32Array(100).fill(0.01), 10, 10)).toBeNull();
  });

  it('a tall stroke becomes 20 pixels tall, keeps its proportions and is centred', () => {
    const ink = canvasWith(280, 280, { x: 20, y: 10, cw: 50, ch: 200 }); // 1 : 4, in a corner
    const out = toMnist(ink, 280, 280)!;
    const box = boundingBox(out, SIDE, SIDE, 0.5)!;
    expect(box.height).toBe(20);
    expect(box.width).toBe(5);
    const [cx, cy] = centreOfMass(out, SIDE, SIDE);
    expect(Math.abs(cx - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(cy - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...out)).toBeLessThanOrEqual(1);
  });

  it('area resampling keeps the total ink (scaled by the area ratio) and blends partial pixels', () => {
    const src = new Float32Array([1, 0, 0, 1, 1, 1, 0, 0, 1]);
    const box = { left: 0, top: 0, width: 3, height: 3 };
    const half = resampleArea(src, 3, box, 2, 2);
    const total = half.reduce((a, b) => a + b, 0) * (9 / 4);
    expect(total).toBeCloseTo(5, 6);
    expect([...half].every((v) => v > 0 && v < 1)).toBe(true); // anti-aliased: no hard 0/1 steps here
    expect([...resampleArea(src, 3, box, 3, 3)]).toEqual([...src]);
  });

  it('a real test digit, drawn ten times larger, comes back close to the original', () => {
    const dir = resolve(import.meta.dirname, '..', '..', 'public', 'data');
    ensureMnist(dir);
    const test = decodeMnist(readFileSync(resolve(dir, 'mnist-test.bin')));
    const correlations: number[] = [];
    for (let n = 0; n < 20; n++) {
      const img = Float32Array.from(test.pixels.subarray(n * 784, (n + 1) * 784), (v) => v / 255);
      const big = new Float32Array(280 * 280);
      for (let y = 0; y < 280; y++) for (let x = 0; x < 280; x++) big[y * 280 + x] = img[Math.floor(y / 10) * 28 + Math.floor(x / 10)];
      const back = toMnist(big, 280, 280)!;
      // Correlation between the original and the round trip.
      const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;
      const ma = mean(img);
      const mb = mean(back);
      let sab = 0;
      let saa = 0;
      let sbb = 0;
      for (let i = 0; i < 784; i++) {
        sab += (img[i] - ma) * (back[i] - mb);
        saa += (img[i] - ma) ** 2;
        sbb += (back[i] - mb) ** 2;
      }
      correlations.push(sab / Math.sqrt(saa * sbb));
    }
    // Digits whose ink already filled exactly 20 pixels come back unchanged; the others are rescaled
    // by a pixel or two (faint anti-aliased edges widen their box) and shifted by a rounded pixel.
    correlations.sort((a, b) => a - b);
    expect(correlations.filter((c) => c > 0.999).length).toBeGreaterThanOrEqual(3);
    expect(correlations[10]).toBeGreaterThan(0.75);
    expect(correlations[0]).toBeGreaterThan(0.55);
  });
});
