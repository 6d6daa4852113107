// The widgets of chapter 2, "Activation functions", by the names the chapter uses.
import { defineWidget } from '../../book/defineWidget.ts';
import { widgetTitles } from './strings.ts';
import type { ActivationExplorerProps } from '../ActivationExplorer/ActivationExplorer.tsx';
import type { GradientDepthProps } from '../GradientDepth/GradientDepth.tsx';
import type { LinearVsNonlinearProps } from '../LinearVsNonlinear/LinearVsNonlinear.tsx';
import type { SoftmaxTemperatureProps } from '../SoftmaxTemperature/SoftmaxTemperature.tsx';

export const activationsWidgets = {
  ActivationExplorer: defineWidget<ActivationExplorerProps>({
    name: 'ActivationExplorer',
    title: () => widgetTitles.ActivationExplorer,
    height: { wide: 560, narrow: 930 },
    load: () => import('../ActivationExplorer/ActivationExplorer.tsx'),
  }),
  LinearVsNonlinear: defineWidget<LinearVsNonlinearProps>({
    name: 'LinearVsNonlinear',
    title: () => widgetTitles.LinearVsNonlinear,
    height: { wide: 990, narrow: 1345 },
    load: () => import('../LinearVsNonlinear/LinearVsNonlinear.tsx'),
  }),
  SoftmaxTemperature: defineWidget<SoftmaxTemperatureProps>({
    name: 'SoftmaxTemperature',
    title: () => widgetTitles.SoftmaxTemperature,
    height: { wide: 670, narrow: 835 },
    load: () => import('../SoftmaxTemperature/SoftmaxTemperature.tsx'),
  }),
  GradientDepth: defineWidget<GradientDepthProps>({
    name: 'GradientDepth',
    title: () => widgetTitles.GradientDepth,
    height: { wide: 890, narrow: 1060 },
    load: () => import('../GradientDepth/GradientDepth.tsx'),
  }),
};
