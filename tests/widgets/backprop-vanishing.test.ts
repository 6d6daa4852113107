// The vanishing/exploding figure's logic: gradient norms per layer as the chapter describes them
// (vanishing with sigmoid, level with ReLU at He's scale, exploding with a large scale), the
// per-step norms equal to a separate backward pass, and training that succeeds or stalls.
import { beforeAll, describe, expect, it } from 'vitest';
import { data, initEngine, liveTensorCount, tidy } from '../../src/engine/index.ts';
import { accuracyOf, buildDeepNet, deepStep, makeData, makeOptimizer, normsOf, startingNorms, type DeepSetup } from '../../src/widgets/VanishingGradients/deep.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

function run(setup: DeepSetup, steps: number) {
  const { model, hidden } = buildDeepNet(setup);
  const set = makeData(setup.seed);
  const { x, y } = data.toTensors(set);
  const opt = makeOptimizer(model);
  let first: number[] | null = null;
  let loss = Number.NaN;
  for (let i = 0; i < steps; i++) {
    const r = tidy(() => {
      const out = deepStep(model, hidden, opt, x, y) as Record<string, { item(): number }>;
      return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.item()]));
    });
    if (i === 0) first = normsOf(r, setup.depth);
    loss = r.loss;
  }
  const accuracy = accuracyOf(model, x, set.y);
  model.dispose();
  opt.dispose();
  x.dispose();
  y.dispose();
  return { first: first!, loss, accuracy };
}

describe('vanishing and exploding gradients', () => {
  it('sigmoid through 10 layers: layer 1’s gradient is a tiny fraction of layer 10’s', () => {
    const n = startingNorms({ activation: 'sigmoid', depth: 10, scale: 1, seed: 1 });
    expect(n).toHaveLength(10);
    expect(n[0] / n[9]).toBeLessThan(1e-4);
  });

  it('ReLU at He’s scale keeps the gradient level; a scale of 3 makes it explode', () => {
    const he = startingNorms({ activation: 'relu', depth: 10, scale: Math.SQRT2, seed: 1 });
    const inner = he.slice(1); // layer 1 reads the 2-D input, so its fan-in differs
    expect(Math.max(...inner) / Math.min(...inner)).toBeLessThan(20);
    const big = startingNorms({ activation: 'relu', depth: 10, scale: 3, seed: 1 });
    expect(big[1]).toBeGreaterThan(100 * he[1]);
    const small = startingNorms({ activation: 'relu', depth: 10, scale: 0.5, seed: 1 });
    expect(small[1]).toBeLessThan(1e-3 * he[1]);
  });

  it('the norms a training step reports are those of a separate backward pass at the same weights', () => {
    const setup: DeepSetup = { activation: 'tanh', depth: 4, scale: 1, seed: 3 };
    const fromStep = run(setup, 1).first;
    const direct = startingNorms(setup);
    fromStep.forEach((v, i) => expect(v).toBeCloseTo(direct[i], 5));
  });

  it('a shallow tanh stack learns the circle; ten sigmoid layers stay at chance, at scale 1 and at 4', () => {
    const good = run({ activation: 'tanh', depth: 3, scale: 1, seed: 1 }, 400);
    expect(good.loss).toBeLessThan(0.3);
    expect(good.accuracy).toBeGreaterThan(0.9);
    const stuck = run({ activation: 'sigmoid', depth: 10, scale: 1, seed: 1 }, 150);
    expect(stuck.loss).toBeGreaterThan(0.68);
    // The largest scale the figure offers does not rescue the sigmoid stack.
    const big = run({ activation: 'sigmoid', depth: 10, scale: 4, seed: 1 }, 150);
    expect(big.loss).toBeGreaterThan(0.68);
  }, 60_000);

  it('normsOf reads g1…gN and refuses a partial set; nothing leaks', () => {
    expect(normsOf({ g1: 1, g2: 2, loss: 0 }, 2)).toEqual([1, 2]);
    expect(normsOf({ g1: 1 }, 2)).toBeNull();
    const before = liveTensorCount();
    startingNorms({ activation: 'relu', depth: 3, scale: 1, seed: 2 });
    run({ activation: 'relu', depth: 2, scale: 1, seed: 2 }, 2);
    expect(liveTensorCount()).toBe(before);
  });
});
