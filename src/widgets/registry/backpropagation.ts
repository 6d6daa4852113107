// The widgets of the backpropagation chapter, by the names the chapter uses.
import { defineWidget } from '../../book/defineWidget.ts';
import type { GraphStepperProps } from '../GraphStepper/GraphStepper.tsx';
import type { TrainingStepProps } from '../TrainingStep/TrainingStep.tsx';
import type { GradientCheckProps } from '../GradientCheck/GradientCheck.tsx';
import type { XorLiveProps } from '../XorLive/XorLive.tsx';
import type { VanishingGradientsProps } from '../VanishingGradients/VanishingGradients.tsx';

export const backpropagationWidgets = {
  GraphStepper: defineWidget<GraphStepperProps>({
    name: 'GraphStepper',
    title: 'Backpropagation, one node at a time',
    height: 760,
    load: () => import('../GraphStepper/GraphStepper.tsx'),
  }),
  TrainingStep: defineWidget<TrainingStepProps>({
    name: 'TrainingStep',
    title: 'One training step of a 2-3-1 network',
    height: 900,
    load: () => import('../TrainingStep/TrainingStep.tsx'),
  }),
  GradientCheck: defineWidget<GradientCheckProps>({
    name: 'GradientCheck',
    title: 'Checking a gradient numerically',
    height: 720,
    load: () => import('../GradientCheck/GradientCheck.tsx'),
  }),
  XorLive: defineWidget<XorLiveProps>({
    name: 'XorLive',
    title: 'XOR, learnt live by backpropagation',
    height: 760,
    load: () => import('../XorLive/XorLive.tsx'),
  }),
  VanishingGradients: defineWidget<VanishingGradientsProps>({
    name: 'VanishingGradients',
    title: 'Vanishing and exploding gradients, in training',
    height: 720,
    load: () => import('../VanishingGradients/VanishingGradients.tsx'),
  }),
};
