// An optimiser chosen by name and learning rate, as a figure's settings describe one: plain SGD,
// SGD with classical or Nesterov momentum, RMSprop, Adam and AdamW, each the engine's own
// (torch.optim's rules), with PyTorch's defaults for everything but the rate. The landscape race
// and the MNIST race build their optimisers here.
import { optim } from '../../engine/index.ts';

export const OPTIMIZER_KINDS = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam', 'adamw'] as const;
export type OptimizerKind = (typeof OPTIMIZER_KINDS)[number];

export interface OptimizerSpec {
  kind: OptimizerKind;
  lr: number;
}

/** μ of both momentum methods: the value most papers and PyTorch's examples use. */
export const MOMENTUM = 0.9;

// #region optimisers
/** The engine optimiser of that kind and rate over `params` (a model, or a list of parameters). */
export function makeOptimizer(params: optim.ParameterSource, { kind, lr }: OptimizerSpec): optim.Optimizer {
  switch (kind) {
    case 'sgd':
      return new optim.SGD(params, { lr });
    case 'momentum':
      return new optim.SGD(params, { lr, momentum: MOMENTUM });
    case 'nesterov':
      return new optim.SGD(params, { lr, momentum: MOMENTUM, nesterov: true });
    case 'rmsprop':
      // α = 0.99, ε = 1e-8, no momentum
      return new optim.RMSprop(params, { lr });
    case 'adam':
      // β = (0.9, 0.999), ε = 1e-8 (Kingma & Ba 2015)
      return new optim.Adam(params, { lr });
    case 'adamw':
      // Adam with decoupled weight decay λ = 0.01 (Loshchilov & Hutter 2019)
      return new optim.AdamW(params, { lr });
  }
}
// #endregion
