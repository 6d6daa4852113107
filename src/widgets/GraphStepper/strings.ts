// Every word the graph stepper shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import type { Preset } from './build.ts';

export const stepperStrings = catalogue('GraphStepper', {
  preset: 'Graph',
  presetNames: {
    chain: '(a·b + c)·d',
    neuron: 'a sigmoid neuron with a squared error',
    network: 'a two-layer network on one example',
    typed: 'an expression you type',
  } satisfies Record<Preset, string>,
  expression: 'Expression',
  expressionHelp: 'Variables a b c d w x y; operators + − * / ^ and parentheses; functions exp log sqrt tanh sigmoid relu.',
  networkNames: { a: 'input x₁ (a)', b: 'input x₂ (b)', y: 'target y' } as Record<string, string>,
  back: '◀ Back',
  forward: 'Step ▶',
  toEnd: 'To the end',
  restart: 'Start over',
  stepOf: (step: number, total: number) => `Step ${step} of ${total}`,
  phaseStart: 'The inputs are known. Step forward to compute each node from its inputs.',
  phaseForward: 'Forward pass: this node computes its value from its inputs.',
  phaseBackward: 'Backward pass: this node receives its gradient ∂L/∂node from the nodes that use it.',
  done: 'Every gradient is known: one backward pass has given the derivative of L with respect to every input at once.',
  value: 'value',
  grad: 'grad',
  /** A node's gradient as its box shows it, under its value. */
  gradBox: (value: string) => `∂ ${value}`,
  input: 'input',
  details: 'This step',
  graphTitle: 'Computation graph',
  graphDescription: (known: string) => `Computation graph drawn left to right, inputs on the left, the output L on the right. ${known}`,
  nodeText: (name: string, op: string, value: string, grad: string | null) =>
    `${name}${op ? ` (${op})` : ''} = ${value}${grad === null ? '' : `, ∂L/∂${name} = ${grad}`}`,
  unknown: 'not computed yet',
  starting: 'Starting the compute engine…',
  engineFailed: (why: string) => `The compute engine could not start: ${why}`,
  invalid: 'This expression cannot be drawn:',
  /** Why an expression cannot be drawn, beyond what the parser says (kit/expression/strings.ts). */
  problems: {
    noVariable: 'The expression uses no variable, so there is nothing to differentiate: include at least one of a, b, c, d, w, x, y.',
    engine: (detail: string) => `The engine could not compute this graph: ${detail}`,
    notReal: (node: string, op: string) =>
      `${node} (${op}) is not a real number: a logarithm or square root of a negative number, or 0/0. Change an input or the expression.`,
    infinite: (node: string, op: string) => `${node} (${op}) is infinite: a division by zero or a number too large for float32. Change an input or the expression.`,
    gradient: (node: string, op: string) =>
      `The gradient at ${node} (${op}) is not finite: the slope there is infinite or undefined (for example √ at 0, or a power of 0). Change an input or the expression.`,
  },
  showPreset: 'Back to (a·b + c)·d',
  edgeNote: 'Numbers on the edges into the current node: its local derivatives ∂node/∂input.',
  /** The settings' names in what the frame says about a shared link. */
  linkLabels: { preset: 'graph', expression: 'expression', values: 'input values', step: 'step' },
});
