// Layers, models and initialisers: the engine's counterpart of torch.nn.
export { Module, saveArray, checkSavedArray, type SavedArray, type StateDict, type TensorModule } from './module';
export { Linear, type LinearOptions } from './linear';
export { Conv2d, type Conv2dOptions, type Padding } from './conv';
export { MaxPool2d, AvgPool2d, Flatten, type PoolOptions } from './pooling';
export { Dropout } from './dropout';
export { BatchNorm1d, BatchNorm2d, type BatchNormOptions } from './batchnorm';
export { LayerNorm, type LayerNormOptions } from './layernorm';
export { Embedding, type EmbeddingOptions } from './embedding';
export { RNN, LSTM, GRU, type RecurrentOptions, type HiddenState, type LSTMState, type LSTMGates, type GRUGates } from './recurrent';
export { Sequential } from './sequential';
export { ReLU, LeakyReLU, ELU, GELU, Tanh, Sigmoid, Softplus, Softmax, LogSoftmax, Identity } from './activation';
export * as init from './init';
