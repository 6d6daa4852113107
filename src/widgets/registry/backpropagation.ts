// The widgets of the backpropagation chapter, by the names the chapter uses.
import { defineWidget } from '../../book/defineWidget.ts';
import type { GraphStepperProps } from '../GraphStepper/GraphStepper.tsx';

export const backpropagationWidgets = {
  GraphStepper: defineWidget<GraphStepperProps>({
    name: 'GraphStepper',
    title: 'Backpropagation, one node at a time',
    height: 760,
    load: () => import('../GraphStepper/GraphStepper.tsx'),
  }),
};
