// The engine's data sets: 2-D toys, mini-batches, sequences, text and MNIST. Everything here is
// seeded and returns plain arrays, with helpers that make engine tensors.
export {
  toyDataset,
  trainTestSplit,
  toTensors,
  gridPoints,
  bumpsTarget,
  isRegression,
  classificationSets,
  regressionSets,
  type Dataset2D,
  type ToyOptions,
  type ToySetName,
  type ClassificationSetName,
  type RegressionSetName,
  type Split,
} from './toy';
export { batches, BatchSampler, gatherRows } from './batches';
export { sineWave, sumOfSines, slidingWindows, windowsToTensors, type SineComponent, type SeriesOptions, type Windows } from './sequences';
export { CORPUS_FILE, loadCorpus, stripHeader, CharVocab, charBatch, oneHotIds, type CharBatch } from './text';
export { loadMnist, MnistSplit, type Mnist } from './mnist';
export { MNIST_FILES } from './mnistFormat';
