// The XOR figure's logic: a seeded 2-h-1 network learns XOR by gradient descent, the same seed
// gives the same run, the surfaces come from one batched forward pass, and nothing leaks.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount, tensor, tidy } from '../../src/engine/index.ts';
import { gridCenters } from '../../src/widgets/kit/plot/surface.tsx';
import { copyFirstUnit, makeOptimizer, makeXorNet, trainXor, unitSpread, xorAccuracy, xorPicture, xorStep, XOR_X, XOR_Y } from '../../src/widgets/XorLive/xor.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

function train(hidden: number, lr: number, seed: number, steps: number) {
  const net = makeXorNet(hidden, seed);
  const opt = makeOptimizer(net, lr);
  const x = tensor(XOR_X);
  const y = tensor(XOR_Y.map((v) => [v]));
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) losses.push(tidy(() => xorStep(net, opt, x, y).loss.item()));
  const picture = xorPicture(net, gridCenters({ x: [-0.5, 1.5], y: [-0.5, 1.5] }, 8, 8));
  opt.dispose();
  net.dispose();
  x.dispose();
  y.dispose();
  return { losses, picture };
}

describe('XOR, learnt live', () => {
  it('the default network (3 tanh units, η = 1, seed 1) learns all four points', () => {
    const { losses, picture } = train(3, 1, 1, 600);
    expect(losses.at(-1)!).toBeLessThan(0.1);
    expect(losses.at(-1)!).toBeLessThan(losses[0]);
    expect(xorAccuracy(picture.atPoints)).toBe(1);
  });

  it('the same seed gives the same run; another seed another one', () => {
    const a = train(3, 1, 5, 50).losses;
    const b = train(3, 1, 5, 50).losses;
    const c = train(3, 1, 6, 50).losses;
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('the surfaces: one value per grid cell for the output and each hidden unit, in range', () => {
    const { picture } = train(4, 1, 2, 5);
    expect(picture.output).toHaveLength(64);
    expect(picture.hidden).toHaveLength(4);
    for (const unit of picture.hidden) {
      expect(unit).toHaveLength(64);
      for (const v of unit) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    }
    for (const p of picture.output) expect(p >= 0 && p <= 1).toBe(true);
    expect(picture.atPoints).toHaveLength(4);
  });

  it('one hidden unit cannot do it: one straight boundary is not enough', () => {
    const { picture } = train(1, 1, 1, 800);
    expect(xorAccuracy(picture.atPoints)).toBeLessThan(1);
  });

  it('two hidden units: seed 1 succeeds, seed 3 sticks in a local minimum with two points at one half', () => {
    const ok = train(2, 1, 1, 1500);
    expect(xorAccuracy(ok.picture.atPoints)).toBe(1);
    const stuck = train(2, 1, 3, 1500);
    expect(stuck.losses.at(-1)!).toBeCloseTo(Math.log(2) / 2, 2);
    expect(stuck.picture.atPoints.filter((p) => Math.abs(p - 0.5) < 0.01)).toHaveLength(2);
  }, 30_000);

  it('two hidden units: seed 5, the other seed the figure names, sticks too', () => {
    const stuck = train(2, 1, 5, 1500);
    expect(xorAccuracy(stuck.picture.atPoints)).toBeLessThan(1);
    expect(stuck.picture.atPoints.filter((p) => Math.abs(p - 0.5) < 0.01)).toHaveLength(2);
  }, 30_000);

  it('the default run at step 600: each hidden unit cuts one point off from the other three', () => {
    const net = makeXorNet(3, 1);
    trainXor(net, 1, 600);
    const h = xorPicture(net, XOR_X.map(([a, b]) => [a, b] as const)).hidden;
    const out = net.stateDict()['2.weight'].values;
    net.dispose();
    // The output layer adds the three steps with weights of both signs.
    expect(out.some((v) => v > 0) && out.some((v) => v < 0)).toBe(true);
    for (const unit of h) {
      const signs = unit.map((v) => Math.sign(v));
      const pos = signs.filter((v) => v > 0).length;
      expect(pos === 1 || pos === 3).toBe(true);
    }
  });

  it('a symmetric start stays symmetric: units that start as copies get equal gradients for ever', () => {
    const net = makeXorNet(3, 1);
    copyFirstUnit(net);
    expect(unitSpread(net)).toBe(0);
    const loss = trainXor(net, 1, 600);
    expect(unitSpread(net)).toBe(0);
    const picture = xorPicture(net, []);
    expect(xorAccuracy(picture.atPoints)).toBeLessThan(1);
    expect(loss).toBeGreaterThan(0.1);
    net.dispose();
    // Starting from zero with tanh units: h = 0, so no weight but the output bias ever moves.
    const zero = makeXorNet(3, 1);
    const state = zero.stateDict();
    for (const k of Object.keys(state)) state[k] = { shape: state[k].shape, values: state[k].values.map(() => 0) };
    zero.loadStateDict(state);
    trainXor(zero, 1, 50);
    const after = zero.stateDict();
    for (const k of ['0.weight', '0.bias', '2.weight']) expect(after[k].values.every((v) => v === 0)).toBe(true);
    zero.dispose();
  });

  it('frees every tensor', () => {
    const before = liveTensorCount();
    train(2, 0.5, 3, 20);
    expect(liveTensorCount()).toBe(before);
  });
});
