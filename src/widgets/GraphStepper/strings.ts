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
  /** Why an expression cannot be drawn: what the parser found, and where (a 0-based character index). */
  problems: {
    badNumber: (at: number, found: string) => `At character ${at + 1}: expected a number such as 2, 0.5 or 1e-3, but found ${found}.`,
    numberContinues: (at: number, found: string) => `At character ${at + 1}: a number cannot continue with ${found}.`,
    numberTooLarge: (at: number, found: string, max: string) => `At character ${at + 1}: the number ${found} is too large; numbers may be at most ${max} here.`,
    notAllowed: (at: number, found: string, variables: string, functions: string) =>
      `At character ${at + 1}: ${found} is not allowed. Use numbers, the variables ${variables}, + − * / ^, parentheses and ${functions}.`,
    tooManyParts: (at: number, max: number) => `At character ${at + 1}: the expression has more than ${max} parts; keep it small enough to draw.`,
    tooDeep: (at: number, max: number) => `At character ${at + 1}: the expression is nested more than ${max} levels deep.`,
    empty: 'The expression is empty: type one such as (a*b + c)*d.',
    unmatchedClose: (at: number) => `At character ${at + 1}: this closing parenthesis has no opening one.`,
    expectedOperator: (at: number, found: string) => `At character ${at + 1}: expected an operator (+ − * / ^) or the end, but found ${found}.`,
    expectedCall: (at: number, fn: string, found: string) => `At character ${at + 1}: expected “(” after ${fn}, but found ${found}.`,
    variableCalled: (at: number, name: string) => `At character ${at + 1}: ${name} is a variable, not a function; write ${name}*(…) to multiply.`,
    unknownName: (at: number, found: string, variables: string, functions: string) =>
      `At character ${at + 1}: unknown name ${found}. The variables are ${variables}; the functions are ${functions}.`,
    expectedOperand: (at: number, found: string) => `At character ${at + 1}: expected a number, a variable, a function or “(”, but found ${found}.`,
    emptyParentheses: (at: number) => `At character ${at + 1}: expected an expression inside the parentheses, but found “)”.`,
    unclosed: (at: number, open: number, found: string) => `At character ${at + 1}: expected “)” to close the parenthesis opened at character ${open + 1}, but found ${found}.`,
    notText: 'The expression must be text.',
    tooLong: (length: number, max: number) => `The expression is ${length} characters long; at most ${max} are allowed.`,
    /** How a piece of the expression is quoted in these messages. */
    quoted: (text: string) => `“${text}”`,
    unprintable: 'a character that cannot be typed here',
    end: 'the end of the expression',
    /** The list of variables or functions in a message. */
    list: (items: readonly string[]) => items.join(', '),
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
