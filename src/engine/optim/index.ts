// Optimisers, learning-rate schedules and gradient clipping: the engine's torch.optim.
export { Optimizer, type OptimizerState, type ParameterSource } from './optimizer';
export { SGD, type SGDOptions } from './sgd';
export { RMSprop, type RMSpropOptions } from './rmsprop';
export { Adagrad, type AdagradOptions } from './adagrad';
export { Adam, AdamW, type AdamOptions } from './adam';
export {
  LRScheduler,
  StepLR,
  ExponentialLR,
  CosineAnnealingLR,
  stepLR,
  exponentialLR,
  cosineAnnealingLR,
  linearWarmupLR,
  type HasLearningRate,
} from './schedules';
export { clipGradNorm } from './clip';
export { proximalL1 } from './proximal';
