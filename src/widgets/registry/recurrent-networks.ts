// The widgets of the chapter "Recurrent networks", by the names the chapter uses.
import { defineWidget } from '../../book/defineWidget.ts';
import { widgetTitles } from './strings.ts';
import type { CharModelProps } from '../CharModel/CharModel.tsx';
import type { LstmInsideProps } from '../LstmInside/LstmInside.tsx';
import type { RnnGradientsProps } from '../RnnGradients/RnnGradients.tsx';
import type { SequencePredictionProps } from '../SequencePrediction/SequencePrediction.tsx';
import type { UnrolledRnnProps } from '../UnrolledRnn/UnrolledRnn.tsx';

export const recurrentNetworksWidgets = {
  UnrolledRnn: defineWidget<UnrolledRnnProps>({
    name: 'UnrolledRnn',
    title: () => widgetTitles.UnrolledRnn,
    height: { wide: 730, narrow: 1360 },
    load: () => import('../UnrolledRnn/UnrolledRnn.tsx'),
  }),
  RnnGradients: defineWidget<RnnGradientsProps>({
    name: 'RnnGradients',
    title: () => widgetTitles.RnnGradients,
    height: { wide: 680, narrow: 970 },
    load: () => import('../RnnGradients/RnnGradients.tsx'),
  }),
  SequencePrediction: defineWidget<SequencePredictionProps>({
    name: 'SequencePrediction',
    title: () => widgetTitles.SequencePrediction,
    height: { wide: 600, narrow: 1008 },
    load: () => import('../SequencePrediction/SequencePrediction.tsx'),
  }),
  CharModel: defineWidget<CharModelProps>({
    name: 'CharModel',
    title: () => widgetTitles.CharModel,
    height: { wide: 720, narrow: 900 },
    load: () => import('../CharModel/CharModel.tsx'),
  }),
  LstmInside: defineWidget<LstmInsideProps>({
    name: 'LstmInside',
    title: () => widgetTitles.LstmInside,
    height: { wide: 760, narrow: 1060 },
    load: () => import('../LstmInside/LstmInside.tsx'),
  }),
};
