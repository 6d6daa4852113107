// The widgets of the chapter "Convolutional networks", by the names the chapter uses.
import { defineWidget } from '../../book/defineWidget.ts';
import type { ConvolutionExplorerProps } from '../ConvolutionExplorer/ConvolutionExplorer.tsx';
import type { DrawDigitProps } from '../DrawDigit/DrawDigit.tsx';
import type { MlpVsCnnProps } from '../MlpVsCnn/MlpVsCnn.tsx';
import type { MnistTrainerProps } from '../MnistTrainer/MnistTrainer.tsx';
import type { PoolingExplorerProps } from '../PoolingExplorer/PoolingExplorer.tsx';
import type { ReceptiveFieldProps } from '../ReceptiveField/ReceptiveField.tsx';

export const convolutionalNetworksWidgets = {
  ConvolutionExplorer: defineWidget<ConvolutionExplorerProps>({
    name: 'ConvolutionExplorer',
    title: 'A kernel sliding over an image',
    height: 640,
    load: () => import('../ConvolutionExplorer/ConvolutionExplorer.tsx'),
  }),
  PoolingExplorer: defineWidget<PoolingExplorerProps>({
    name: 'PoolingExplorer',
    title: 'Max and average pooling',
    height: 520,
    load: () => import('../PoolingExplorer/PoolingExplorer.tsx'),
  }),
  ReceptiveField: defineWidget<ReceptiveFieldProps>({
    name: 'ReceptiveField',
    title: 'The receptive field of a unit',
    height: 640,
    load: () => import('../ReceptiveField/ReceptiveField.tsx'),
  }),
  MnistTrainer: defineWidget<MnistTrainerProps>({
    name: 'MnistTrainer',
    title: 'Train a CNN on handwritten digits',
    height: 900,
    load: () => import('../MnistTrainer/MnistTrainer.tsx'),
  }),
  DrawDigit: defineWidget<DrawDigitProps>({
    name: 'DrawDigit',
    title: 'Draw a digit',
    height: 620,
    load: () => import('../DrawDigit/DrawDigit.tsx'),
  }),
  MlpVsCnn: defineWidget<MlpVsCnnProps>({
    name: 'MlpVsCnn',
    title: 'A perceptron and a CNN on the same digits',
    height: 520,
    load: () => import('../MlpVsCnn/MlpVsCnn.tsx'),
  }),
};
