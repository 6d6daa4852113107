// The figures of chapter 3, "Loss functions". Each loads its code only when the chapter shows it.
import { defineWidget } from '../../book/defineWidget.ts';
import { widgetTitles } from './strings.ts';
import type { RegressionLossProps } from '../RegressionLoss/useRegressionLoss.ts';
import type { ClassificationLossProps } from '../ClassificationLoss/useClassificationLoss.ts';
import type { CrossEntropyByHandProps } from '../CrossEntropyByHand/useCrossEntropyByHand.ts';
import type { LossLabProps } from '../LossLab/useLossLab.ts';

export const lossesWidgets = {
  RegressionLoss: defineWidget<RegressionLossProps>({
    name: 'RegressionLoss',
    title: () => widgetTitles.RegressionLoss,
    height: { wide: 860, narrow: 1280 },
    load: () => import('../RegressionLoss/RegressionLoss.tsx'),
  }),
  ClassificationLoss: defineWidget<ClassificationLossProps>({
    name: 'ClassificationLoss',
    title: () => widgetTitles.ClassificationLoss,
    height: { wide: 720, narrow: 1020 },
    load: () => import('../ClassificationLoss/ClassificationLoss.tsx'),
  }),
  CrossEntropyByHand: defineWidget<CrossEntropyByHandProps>({
    name: 'CrossEntropyByHand',
    title: () => widgetTitles.CrossEntropyByHand,
    height: { wide: 1010, narrow: 1250 },
    load: () => import('../CrossEntropyByHand/CrossEntropyByHand.tsx'),
  }),
  LossLab: defineWidget<LossLabProps>({
    name: 'LossLab',
    title: () => widgetTitles.LossLab,
    height: { wide: 940, narrow: 1492 },
    load: () => import('../LossLab/LossLab.tsx'),
  }),
};
