// The widgets of the chapter on generalisation and regularisation, by the names the chapter uses.
import { defineWidget } from '../../book/defineWidget.ts';
import { widgetTitles } from './strings.ts';
import type { AugmentationLabProps } from '../AugmentationLab/AugmentationLab.tsx';
import type { WeightPenaltyProps } from '../WeightPenalty/WeightPenalty.tsx';
import type { EarlyStoppingProps } from '../EarlyStopping/EarlyStopping.tsx';
import type { DropoutInsideProps } from '../DropoutInside/DropoutInside.tsx';
import type { CapacityCurveProps } from '../CapacityCurve/useCapacityCurve.ts';
import type { RandomLabelsProps } from '../RandomLabels/RandomLabels.tsx';

export const generalisationWidgets = {
  RandomLabels: defineWidget<RandomLabelsProps>({
    name: 'RandomLabels',
    title: () => widgetTitles.RandomLabels,
    height: { wide: 724, narrow: 990 },
    load: () => import('../RandomLabels/RandomLabels.tsx'),
  }),
  AugmentationLab: defineWidget<AugmentationLabProps>({
    name: 'AugmentationLab',
    title: () => widgetTitles.AugmentationLab,
    height: { wide: 990, narrow: 1045 },
    load: () => import('../AugmentationLab/AugmentationLab.tsx'),
  }),
  WeightPenalty: defineWidget<WeightPenaltyProps>({
    name: 'WeightPenalty',
    title: () => widgetTitles.WeightPenalty,
    height: { wide: 620, narrow: 1010 },
    load: () => import('../WeightPenalty/WeightPenalty.tsx'),
  }),
  EarlyStopping: defineWidget<EarlyStoppingProps>({
    name: 'EarlyStopping',
    title: () => widgetTitles.EarlyStopping,
    height: { wide: 620, narrow: 1005 },
    load: () => import('../EarlyStopping/EarlyStopping.tsx'),
  }),
  DropoutInside: defineWidget<DropoutInsideProps>({
    name: 'DropoutInside',
    title: () => widgetTitles.DropoutInside,
    height: { wide: 946, narrow: 1116 },
    load: () => import('../DropoutInside/DropoutInside.tsx'),
  }),
  CapacityCurve: defineWidget<CapacityCurveProps>({
    name: 'CapacityCurve',
    title: () => widgetTitles.CapacityCurve,
    height: { wide: 645, narrow: 970 },
    load: () => import('../CapacityCurve/CapacityCurve.tsx'),
  }),
};
