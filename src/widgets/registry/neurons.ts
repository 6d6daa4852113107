// The widgets of chapter 1, "Neurons and networks". Each loads its own code when a page shows it.
import { defineWidget } from '../../book/defineWidget.ts';
import type { NeuronProps } from '../Neuron/Neuron.tsx';
import type { LogicGatesProps } from '../LogicGates/LogicGates.tsx';
import type { ForwardPassProps } from '../ForwardPass/ForwardPass.tsx';

export const neuronsWidgets = {
  Neuron: defineWidget<NeuronProps>({
    name: 'Neuron',
    title: 'One neuron: weighted sum, bias and activation',
    height: 460,
    load: () => import('../Neuron/Neuron.tsx'),
  }),
  LogicGates: defineWidget<LogicGatesProps>({
    name: 'LogicGates',
    title: 'Logic gates from threshold neurons',
    height: 520,
    load: () => import('../LogicGates/LogicGates.tsx'),
  }),
  ForwardPass: defineWidget<ForwardPassProps>({
    name: 'ForwardPass',
    title: 'The forward pass, layer by layer',
    height: 560,
    load: () => import('../ForwardPass/ForwardPass.tsx'),
  }),
};
