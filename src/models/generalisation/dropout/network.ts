// The figure's network, 2 → 8 → 8 → 1 with ReLU hidden units, in the engine, and its training
// step with dropout on both hidden layers. One mask serves the whole batch at each step, so the
// network the diagram shows is exactly the thinned network that step trains (libraries draw one
// mask per example; the expectation over masks is the same). Inference applies no mask.
import { losses, mul, nn, optim, Random, relu, tensor, type Tensor } from '../../../engine/index.ts';
import { maskValues, type NetworkMask } from './masks.ts';
import { INPUTS, UNITS, type NetWeights } from './types.ts';

export const LEARNING_RATE = 0.01;


/** The seeded network: Kaiming-normal weights (for ReLU units), zero biases. */
export function makeDropoutNet(seed: number): nn.Sequential {
  const rng = new Random(seed);
  const init = { rng, init: 'kaimingNormal' as const };
  return new nn.Sequential(new nn.Linear(INPUTS, UNITS, init), new nn.ReLU(), new nn.Linear(UNITS, UNITS, init), new nn.ReLU(), new nn.Linear(UNITS, 1, init));
}

export function makeOptimizer(net: nn.Sequential): optim.Adam {
  return new optim.Adam(net, { lr: LEARNING_RATE });
}

/** The hidden layers' multipliers for one mask, as [1, units] tensors that broadcast over the batch. */
export interface MaskTensors {
  m1: Tensor;
  m2: Tensor;
}

export function maskTensors(mask: NetworkMask, p: number, scaled: boolean): MaskTensors {
  return { m1: tensor([maskValues(mask.keep1, p, scaled)]), m2: tensor([maskValues(mask.keep2, p, scaled)]) };
}

/** The logits for a batch x [n, 2]: thinned by `masks` in training, the whole network (null) at inference. */
export function dropoutForward(net: nn.Sequential, x: Tensor, masks: MaskTensors | null): Tensor {
  const [l1, , l2, , l3] = net.layers as [nn.Linear, nn.ReLU, nn.Linear, nn.ReLU, nn.Linear];
  let h1 = relu(l1.forward(x));
  if (masks) h1 = mul(h1, masks.m1);
  let h2 = relu(l2.forward(h1));
  if (masks) h2 = mul(h2, masks.m2);
  return l3.forward(h2);
}

/** One step of Adam on the thinned network: forward with the mask, loss, backward, update. */
export function dropoutStep(net: nn.Sequential, opt: optim.Optimizer, x: Tensor, y: Tensor, masks: MaskTensors): { loss: Tensor } {
  opt.zeroGrad();
  const loss = losses.bceWithLogits(dropoutForward(net, x, masks), y);
  loss.backward();
  opt.step();
  return { loss };
}

export function netWeights(net: nn.Sequential): NetWeights {
  const s = net.stateDict();
  return {
    w1: s['0.weight'].values,
    b1: s['0.bias'].values,
    w2: s['2.weight'].values,
    b2: s['2.bias'].values,
    w3: s['4.weight'].values,
    b3: s['4.bias'].values,
  };
}
