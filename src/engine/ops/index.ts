// Every op of the engine. Each file pairs forward values with their backward rules.
export { add, sub, mul, div, maximum, minimum, where } from './arithmetic';
export { neg, pow, exp, log, sqrt, abs, square, clamp } from './math';
export { matmul } from './matmul';
export { sum, mean, max, argmax } from './reduce';
export { reshape, transpose, concat, stack, squeeze, unsqueeze, slice, split, gather } from './shape';
export { relu, leakyRelu, elu, sigmoid, tanh, softplus, gelu, sigmoidCrossEntropyWithLogits } from './activations';
export { softmax, logSoftmax } from './softmax';
export { conv2d, type Conv2dOptions } from './conv';
export type { Pair } from './windows';
export { maxPool2d, avgPool2d, type Pool2dOptions } from './pool';
export { dropout } from './dropout';
export type { Operand } from './util';
