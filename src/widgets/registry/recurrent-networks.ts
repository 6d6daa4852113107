// The widgets of the chapter "Recurrent networks", by the names the chapter uses.
import { defineWidget } from '../../book/defineWidget.ts';
import type { CharModelProps } from '../CharModel/CharModel.tsx';
import type { LstmInsideProps } from '../LstmInside/LstmInside.tsx';
import type { RnnGradientsProps } from '../RnnGradients/RnnGradients.tsx';
import type { SequencePredictionProps } from '../SequencePrediction/SequencePrediction.tsx';
import type { UnrolledRnnProps } from '../UnrolledRnn/UnrolledRnn.tsx';

export const recurrentNetworksWidgets = {
  UnrolledRnn: defineWidget<UnrolledRnnProps>({
    name: 'UnrolledRnn',
    title: 'A recurrent network unrolled in time',
    height: 620,
    load: () => import('../UnrolledRnn/UnrolledRnn.tsx'),
  }),
  RnnGradients: defineWidget<RnnGradientsProps>({
    name: 'RnnGradients',
    title: 'Gradients through time: tanh RNN and LSTM',
    height: 600,
    load: () => import('../RnnGradients/RnnGradients.tsx'),
  }),
  SequencePrediction: defineWidget<SequencePredictionProps>({
    name: 'SequencePrediction',
    title: 'Predicting a wave one step ahead, then running freely',
    height: 600,
    load: () => import('../SequencePrediction/SequencePrediction.tsx'),
  }),
  CharModel: defineWidget<CharModelProps>({
    name: 'CharModel',
    title: 'A character-level language model, trained live',
    height: 720,
    load: () => import('../CharModel/CharModel.tsx'),
  }),
  LstmInside: defineWidget<LstmInsideProps>({
    name: 'LstmInside',
    title: 'Inside the LSTM: gates and cell state, character by character',
    height: 760,
    load: () => import('../LstmInside/LstmInside.tsx'),
  }),
};
