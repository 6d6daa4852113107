// The engine's public face: what widgets and readers import. Names follow PyTorch where one
// exists (`matmul`, `logSoftmax`, `nn.Linear`, `optim.Adam`), so code here reads like its PyTorch
// twin. Widgets import from here, never from tfjs.
export {
  Tensor,
  tensor,
  parameter,
  parameterFrom,
  zeros,
  ones,
  fromTf,
  noGrad,
  isGradEnabled,
  tidy,
  liveTensorCount,
  type Shape,
  type NestedNumbers,
} from './tensor';
export { Random, seed, defaultRandom } from './random';
export * from './ops';
export { trace, traceWithGradients, type TracedGraph, type TracedNode } from './trace';
export * as nn from './nn';
export * as optim from './optim';
export * as losses from './losses';
export * as data from './data';
export { initEngine, engineInfo, onBackendChange, type BackendChoice, type BackendName, type EngineInfo, type InitOptions } from './backend';
export { TrainingLoop, defaultScheduler, type TrainingSnapshot, type TrainingLoopOptions, type LoopState, type StepResult } from './train';
export type { LoopStop } from './loopStop';
