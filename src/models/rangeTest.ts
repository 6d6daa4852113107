// The learning-rate range test (Smith 2017): train a few hundred steps while the learning rate
// grows exponentially from far too small to far too large, recording the loss at each rate. The
// loss stays flat while the rate is too small, falls once it is useful, and shoots up past the
// stability bound. Here on the engine: a small MLP on the two-moons set, plain SGD, full batch.
import { data, losses, nn, optim, Random, tidy } from '../engine/index.ts';

export const RANGE_TEST = { from: 1e-4, to: 100, steps: 120, hidden: 16, seed: 1, points: 200 } as const;

/** The rate at step t: from `from` at t = 0 to `to` at the last step, evenly on a log scale. */
export function rangeRate(t: number, { from, to, steps } = RANGE_TEST): number {
  return from * (to / from) ** (t / (steps - 1));
}

/** The two-moons set and a 2-hidden-1 tanh network built from the test's seed. */
export function rangeTestSetup(seed: number = RANGE_TEST.seed) {
  const set = data.toyDataset('moons', { n: RANGE_TEST.points, noise: 0.2, seed });
  const rng = new Random(seed);
  const net = new nn.Sequential(new nn.Linear(2, RANGE_TEST.hidden, { rng, init: 'xavierNormal' }), new nn.Tanh(), new nn.Linear(RANGE_TEST.hidden, 1, { rng, init: 'xavierNormal' }));
  return { set, net };
}

/**
 * Full-batch SGD on the test's network from its seed: `train(rate)` takes one step at that rate and
 * returns the loss before it; `loss()` is the loss now. Everything is freed after `body` returns.
 */
function withRun<T>(seed: number, body: (run: { train: (lr: number) => number; loss: () => number }) => T): T {
  const { set, net } = rangeTestSetup(seed);
  const { x, y } = data.toTensors(set);
  const opt = new optim.SGD(net, { lr: RANGE_TEST.from });
  try {
    return body({
      train: (lr) =>
        tidy(() => {
          opt.lr = lr;
          opt.zeroGrad();
          const l = losses.bceWithLogits(net.forward(x), y);
          l.backward();
          opt.step();
          return l.item();
        }),
      loss: () => tidy(() => losses.bceWithLogits(net.forward(x), y).item()),
    });
  } finally {
    opt.zeroGrad();
    opt.dispose();
    net.dispose();
    x.dispose();
    y.dispose();
  }
}

/**
 * The loss before each step of the test (the rate of that step is rangeRate(t)); the run stops at
 * the first loss that is not finite or is more than 4 times the lowest so far (it has blown up).
 */
export function rangeTest(seed: number = RANGE_TEST.seed): { rates: number[]; losses: number[] } {
  return withRun(seed, ({ train }) => {
    const out = { rates: [] as number[], losses: [] as number[] };
    for (let t = 0; t < RANGE_TEST.steps; t++) {
      out.rates.push(rangeRate(t));
      out.losses.push(train(rangeRate(t)));
      const last = out.losses[t];
      if (!Number.isFinite(last) || last > 4 * Math.min(...out.losses)) break;
    }
    return out;
  });
}

/** What a reader takes from the curve: the rate at the lowest loss, and the first rate past it at which the loss blew up. */
export function readRangeTest({ rates, losses: l }: { rates: number[]; losses: number[] }) {
  const best = l.indexOf(Math.min(...l));
  const blown = l.findIndex((v, i) => i > best && !(v <= 4 * l[best]));
  return { lowestAt: rates[best], lowest: l[best], first: l[0], blowUpAt: blown < 0 ? null : rates[blown] };
}


/** The loss after `steps` full-batch SGD steps at a fixed rate, from the test's own start. */
export function lossAfter(lr: number, steps: number, seed: number = RANGE_TEST.seed): number {
  return withRun(seed, ({ train, loss }) => {
    for (let t = 0; t < steps; t++) train(lr);
    return loss();
  });
}
