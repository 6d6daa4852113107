// The title of every figure, as its frame shows it, and the loading notice and the page's outline
// name it.
import { catalogue } from '../../i18n/index.ts';

export const widgetTitles = catalogue('widgetTitles', {
  ActivationExplorer: 'An activation function and its slope',
  LinearVsNonlinear: 'The same network with and without an activation',
  SoftmaxTemperature: 'Softmax and its temperature',
  GradientDepth: 'Gradients through a deep stack of layers',
  GraphStepper: 'Backpropagation, one node at a time',
  TrainingStep: 'One training step of a 2-3-1 network',
  GradientCheck: 'Checking a gradient numerically',
  XorLive: 'XOR, learnt live by backpropagation',
  VanishingGradients: 'Vanishing and exploding gradients, in training',
  ConvolutionExplorer: 'A kernel sliding over an image',
  PoolingExplorer: 'Max and average pooling',
  ReceptiveField: 'The receptive field of a unit',
  MnistTrainer: 'Train a CNN on handwritten digits',
  DrawDigit: 'Draw a digit',
  MlpVsCnn: 'A perceptron and a CNN on the same digits',
  RegressionLoss: 'Fitting a line: squared, absolute and Huber loss',
  ClassificationLoss: 'Cross-entropy or squared error for a sigmoid output',
  CrossEntropyByHand: 'Softmax cross-entropy, step by step',
  LossLab: 'One network, three losses',
  Neuron: 'One neuron: weighted sum, bias and activation',
  LogicGates: 'Logic gates from threshold neurons',
  ForwardPass: 'The forward pass, layer by layer',
  UnrolledRnn: 'A recurrent network unrolled in time',
  RnnGradients: 'Gradients through time: tanh RNN and LSTM',
  SequencePrediction: 'Predicting a wave one step ahead, then running freely',
  CharModel: 'A character-level language model, trained live',
  LstmInside: 'Inside the LSTM: gates and cell state, character by character',
});
