// The widgets of the backpropagation chapter, by the names the chapter uses.
import { defineWidget } from '../../book/defineWidget.ts';
import { widgetTitles } from './strings.ts';
import type { GraphStepperProps } from '../GraphStepper/GraphStepper.tsx';
import type { TrainingStepProps } from '../TrainingStep/TrainingStep.tsx';
import type { GradientCheckProps } from '../GradientCheck/GradientCheck.tsx';
import type { XorLiveProps } from '../XorLive/XorLive.tsx';
import type { VanishingGradientsProps } from '../VanishingGradients/VanishingGradients.tsx';

export const backpropagationWidgets = {
  GraphStepper: defineWidget<GraphStepperProps>({
    name: 'GraphStepper',
    title: () => widgetTitles.GraphStepper,
    height: { wide: 760, narrow: 810 },
    load: () => import('../GraphStepper/GraphStepper.tsx'),
  }),
  TrainingStep: defineWidget<TrainingStepProps>({
    name: 'TrainingStep',
    title: () => widgetTitles.TrainingStep,
    height: { wide: 900, narrow: 1090 },
    load: () => import('../TrainingStep/TrainingStep.tsx'),
  }),
  GradientCheck: defineWidget<GradientCheckProps>({
    name: 'GradientCheck',
    title: () => widgetTitles.GradientCheck,
    height: { wide: 850, narrow: 980 },
    load: () => import('../GradientCheck/GradientCheck.tsx'),
  }),
  XorLive: defineWidget<XorLiveProps>({
    name: 'XorLive',
    title: () => widgetTitles.XorLive,
    height: { wide: 760, narrow: 1200 },
    load: () => import('../XorLive/XorLive.tsx'),
  }),
  VanishingGradients: defineWidget<VanishingGradientsProps>({
    name: 'VanishingGradients',
    title: () => widgetTitles.VanishingGradients,
    height: { wide: 1090, narrow: 1270 },
    load: () => import('../VanishingGradients/VanishingGradients.tsx'),
  }),
};
