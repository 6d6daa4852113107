// LinearVsNonlinear's logic in Node: the collapsed map of the linear network against its output
// (and against a plain-JavaScript product of its weights), training that separates what it should,
// the boundary line, and memory.
import { beforeAll, describe, expect, it } from 'vitest';
import { data, initEngine, liveTensorCount, optim, tidy } from '../../src/engine/index.ts';
import { percent } from '../../src/widgets/kit/format.ts';
import { boundaryLine, labelledDots } from '../../src/widgets/LinearVsNonlinear/draw.ts';
import { accuracy, collapse, collapseGap, LEARNING_RATE, logitsAt, makeNet, probabilities, trainingStep } from '../../src/widgets/LinearVsNonlinear/models.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

const matmul = (a: number[][], b: number[][]) => a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));

function train(activation: 'identity' | 'tanh' | 'relu', set: data.Dataset2D, steps: number) {
  const net = makeNet(activation, 8, 1);
  const opt = new optim.Adam(net, { lr: LEARNING_RATE });
  const { x, y } = data.toTensors(set);
  for (let i = 0; i < steps; i++) tidy(() => trainingStep(net, opt, x, y)).loss.dispose();
  return { net, dispose: () => (opt.dispose(), net.dispose(), x.dispose(), y.dispose()) };
}

describe('the linear network collapses to one affine map', () => {
  it('W = W₁W₂W₃ and b = (b₁W₂ + b₂)W₃ + b₃, checked in float64', () => {
    const net = makeNet('identity', 5, 3);
    const [l1, , l2, , l3] = net.layers as unknown as { weight: { toArray(): number[][] }; bias: { toArray(): number[] } }[];
    const [W1, W2, W3] = [l1, l2, l3].map((l) => l.weight.toArray());
    const [b1, b2, b3] = [l1, l2, l3].map((l) => [l.bias.toArray()]);
    const W = matmul(matmul(W1, W2), W3);
    const b = matmul(matmul(b1, W2).map((r) => r.map((v, j) => v + b2[0][j])), W3)[0][0] + b3[0][0];
    const map = collapse(net);
    expect(map.W[0]).toBeCloseTo(W[0][0], 5);
    expect(map.W[1]).toBeCloseTo(W[1][0], 5);
    expect(map.b).toBeCloseTo(b, 5);
    net.dispose();
  });

  it('after training, the network still equals x·W + b on every point', () => {
    const set = data.toyDataset('moons', { n: 100, noise: 0.1, seed: 1 });
    const { net, dispose } = train('identity', set, 60);
    const map = collapse(net);
    expect(collapseGap(logitsAt(net, set.x), set.x, map)).toBeLessThan(1e-4);
    dispose();
  });
});

describe('training', () => {
  it('on the circle, tanh separates the classes and the linear network cannot', () => {
    const set = data.toyDataset('circle', { n: 120, noise: 0.1, seed: 1 });
    const lin = train('identity', set, 200);
    const non = train('tanh', set, 200);
    expect(accuracy(logitsAt(non.net, set.x), set.y)).toBeGreaterThan(0.95);
    expect(accuracy(logitsAt(lin.net, set.x), set.y)).toBeLessThan(0.75);
    lin.dispose();
    non.dispose();
  });

  it('frees everything once the networks are disposed', () => {
    const before = liveTensorCount();
    const set = data.toyDataset('xor', { n: 50, seed: 2 });
    const run = train('relu', set, 5);
    logitsAt(run.net, set.x);
    const lone = makeNet('identity', 3, 1);
    collapse(lone);
    lone.dispose();
    run.dispose();
    expect(liveTensorCount()).toBe(before);
  });
});

describe('drawing helpers', () => {
  it('boundaryLine lies on x·W + b = 0', () => {
    for (const map of [{ W: [1, 2], b: 0.5 }, { W: [3, -0.1], b: -1 }]) {
      const line = boundaryLine(map, 6)!;
      for (const [x1, x2] of line) expect(x1 * map.W[0] + x2 * map.W[1] + map.b).toBeCloseTo(0, 9);
    }
    expect(boundaryLine({ W: [0, 0], b: 1 }, 6)).toBeNull();
    expect(boundaryLine({ W: [NaN, 1], b: 1 }, 6)).toBeNull();
  });
  it('accuracy, probabilities, dots and percentages', () => {
    expect(accuracy([2, -1, 0.5, -3], [1, 0, 0, 0])).toBe(0.75);
    expect(accuracy([], [])).toBe(0);
    expect(probabilities([0, 1000, -1000])).toEqual([0.5, 1, 0]);
    expect(labelledDots([[1, 2]], [1])).toEqual([{ x: 1, y: 2, cls: 1 }]);
    expect(percent(0.973, 1)).toBe('97.3%');
  });
});
