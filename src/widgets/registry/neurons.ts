// The widgets of chapter 1, "Neurons and networks". Each loads its own code when a page shows it.
import { defineWidget } from '../../book/defineWidget.ts';
import { widgetTitles } from './strings.ts';
import type { NeuronProps } from '../Neuron/Neuron.tsx';
import type { LogicGatesProps } from '../LogicGates/LogicGates.tsx';
import type { ForwardPassProps } from '../ForwardPass/ForwardPass.tsx';

export const neuronsWidgets = {
  Neuron: defineWidget<NeuronProps>({
    name: 'Neuron',
    title: () => widgetTitles.Neuron,
    height: { wide: 510, narrow: 1120 },
    load: () => import('../Neuron/Neuron.tsx'),
  }),
  LogicGates: defineWidget<LogicGatesProps>({
    name: 'LogicGates',
    title: () => widgetTitles.LogicGates,
    height: { wide: 700, narrow: 1230 },
    load: () => import('../LogicGates/LogicGates.tsx'),
  }),
  ForwardPass: defineWidget<ForwardPassProps>({
    name: 'ForwardPass',
    title: () => widgetTitles.ForwardPass,
    height: { wide: 790, narrow: 930 },
    load: () => import('../ForwardPass/ForwardPass.tsx'),
  }),
};
