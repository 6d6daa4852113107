// Every word the logic-gates figure shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import type { Gate, UnitKind } from './gates.ts';

export const gateStrings = catalogue('LogicGates', {
  gate: 'Gate',
  gateMeaning: {
    AND: 'AND gives 1 when both inputs are 1.',
    OR: 'OR gives 1 when at least one input is 1.',
    NAND: 'NAND (not AND) gives 0 only when both inputs are 1.',
    XOR: 'XOR (exclusive or) gives 1 when exactly one input is 1.',
  } satisfies Record<Gate, string>,
  w1: 'Weight w₁',
  w2: 'Weight w₂',
  b: 'Bias b',
  neuronRule: 'The neuron outputs step(z) = 1 when z = w₁x₁ + w₂x₂ + b > 0, and 0 otherwise.',
  task: (gate: Gate) => `${gateStrings.gateMeaning[gate]} Set w₁, w₂ and b so that the neuron’s output matches the ${gate} column in every row.`,
  starting: 'Starting the compute engine…',
  engineFailed: (why: string) => `The compute engine could not start: ${why}`,
  // Truth table
  tableCaption: (gate: Gate, network: boolean) =>
    network ? `Truth table of ${gate}: target and the 2-2-1 network’s output per row` : `Truth table of ${gate}: target and the neuron’s output per row`,
  colX1: 'x₁',
  colX2: 'x₂',
  colZ: 'z',
  colH1: 'h₁',
  colH2: 'h₂',
  colOutput: 'output',
  colTarget: 'target',
  colMatch: 'match?',
  right: '✓ right',
  wrong: '✗ wrong',
  correct: 'Correct! All four rows match.',
  score: (n: number) => `${n} of 4 rows match.`,
  sigmoidRead: 'A sigmoid output counts as 1 when it is above 0.5.',
  // XOR
  whyButton: 'Why can’t I find weights for XOR?',
  whyTitle: 'One neuron cannot compute XOR',
  why:
    'A threshold neuron outputs 1 on one side of its line w₁x₁ + w₂x₂ + b = 0 and 0 on the other. XOR needs (0, 1) and (1, 0) ' +
    'on the 1 side and (0, 0) and (1, 1) on the 0 side, and no straight line does that: the points are not linearly separable.',
  whyProof:
    'In numbers: output 1 at (0, 1) and (1, 0) means w₂ + b > 0 and w₁ + b > 0, so w₁ + w₂ + 2b > 0. Output 0 at (0, 0) and (1, 1) ' +
    'means b ≤ 0 and w₁ + w₂ + b ≤ 0, so w₁ + w₂ + 2b ≤ 0. Both cannot hold. (Minsky and Papert made this limit of single-layer perceptrons famous in 1969.)',
  addHidden: 'Add a hidden layer',
  backToOne: 'Back to one neuron',
  // Network
  networkIntro:
    'Two hidden neurons h₁ and h₂ each draw their own line; the output neuron combines their outputs. Each neuron has its own w₁, w₂ and b.',
  unitKind: 'Units',
  unitNames: { step: 'step (threshold)', sigmoid: 'sigmoid' } satisfies Record<UnitKind, string>,
  unitTitle: ['Hidden neuron h₁ (inputs x₁, x₂)', 'Hidden neuron h₂ (inputs x₁, x₂)', 'Output neuron ŷ (inputs h₁, h₂)'],
  fieldLabel: (unit: string, part: string) => `${unit}: ${part}`,
  unitShort: ['h₁', 'h₂', 'ŷ'],
  parts: ['w₁', 'w₂', 'b'],
  loadSolution: 'Load a working solution',
  solutionNote: 'The solution: h₁ is OR, h₂ is NAND, and the output is AND of the two; XOR(x₁, x₂) = AND(OR, NAND).',
  clearNetwork: 'Set all to zero',
  // Plot
  plotTitle: (gate: Gate) => `The four inputs of ${gate} and the neuron’s line`,
  plotTitleNetwork: 'The four inputs of XOR and the hidden neurons’ lines',
  x1Axis: 'x₁',
  x2Axis: 'x₂',
  pointText: (x1: number, x2: number, t: number) => `(${x1}, ${x2}) → ${t}`,
  pointTarget: (t: number) => `→ ${t}`,
  plotDescription: (o: { gate: Gate; points: string; line: string; region: string }) =>
    `The corners (0, 0), (0, 1), (1, 0) and (1, 1) of the unit square; targets of ${o.gate}: ${o.points}. ` +
    `Targets 1 are vermilion triangles, targets 0 blue circles. ${o.line} ${o.region}`,
  neuronLine: (w1: string, w2: string, b: string) => `The neuron’s line ${w1}·x₁ + ${w2}·x₂ + ${b} = 0 is drawn solid.`,
  noLine: 'With w₁ = w₂ = 0 the neuron has no line: it gives the same output everywhere.',
  hiddenLines: 'The line of h₁ is drawn dashed, the line of h₂ dotted.',
  shaded: 'The region where the output is 1 is shaded vermilion, where it is 0 blue.',
  legend: 'Vermilion triangles: target 1. Blue circles: target 0. Shading: vermilion where the output is 1, blue where it is 0.',
  lineLabel: 'z = 0',
  outsideWindow: ' (outside this window)',
  hiddenLayer: 'hidden layer',
  networkWeights: 'network weights',
});
