// The widgets of the chapter "Convolutional networks", by the names the chapter uses.
import { defineWidget } from '../../book/defineWidget.ts';
import { widgetTitles } from './strings.ts';
import type { ConvolutionExplorerProps } from '../ConvolutionExplorer/ConvolutionExplorer.tsx';
import type { DrawDigitProps } from '../DrawDigit/DrawDigit.tsx';
import type { MlpVsCnnProps } from '../MlpVsCnn/MlpVsCnn.tsx';
import type { MnistTrainerProps } from '../MnistTrainer/MnistTrainer.tsx';
import type { PoolingExplorerProps } from '../PoolingExplorer/PoolingExplorer.tsx';
import type { ReceptiveFieldProps } from '../ReceptiveField/ReceptiveField.tsx';

export const convolutionalNetworksWidgets = {
  ConvolutionExplorer: defineWidget<ConvolutionExplorerProps>({
    name: 'ConvolutionExplorer',
    title: () => widgetTitles.ConvolutionExplorer,
    height: { wide: 700, narrow: 880 },
    load: () => import('../ConvolutionExplorer/ConvolutionExplorer.tsx'),
  }),
  PoolingExplorer: defineWidget<PoolingExplorerProps>({
    name: 'PoolingExplorer',
    title: () => widgetTitles.PoolingExplorer,
    height: { wide: 600, narrow: 725 },
    load: () => import('../PoolingExplorer/PoolingExplorer.tsx'),
  }),
  ReceptiveField: defineWidget<ReceptiveFieldProps>({
    name: 'ReceptiveField',
    title: () => widgetTitles.ReceptiveField,
    height: { wide: 770, narrow: 895 },
    load: () => import('../ReceptiveField/ReceptiveField.tsx'),
  }),
  MnistTrainer: defineWidget<MnistTrainerProps>({
    name: 'MnistTrainer',
    title: () => widgetTitles.MnistTrainer,
    height: { wide: 900, narrow: 1470 },
    load: () => import('../MnistTrainer/MnistTrainer.tsx'),
  }),
  DrawDigit: defineWidget<DrawDigitProps>({
    name: 'DrawDigit',
    title: () => widgetTitles.DrawDigit,
    height: { wide: 620, narrow: 850 },
    load: () => import('../DrawDigit/DrawDigit.tsx'),
  }),
  MlpVsCnn: defineWidget<MlpVsCnnProps>({
    name: 'MlpVsCnn',
    title: () => widgetTitles.MlpVsCnn,
    height: { wide: 670, narrow: 855 },
    load: () => import('../MlpVsCnn/MlpVsCnn.tsx'),
  }),
};
