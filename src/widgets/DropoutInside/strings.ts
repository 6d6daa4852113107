// Every word the dropout figure shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';

export const dropoutStrings = catalogue('DropoutInside', {
  rate: 'Dropout rate p',
  thinned: 'Thinned networks averaged, K',
  scaled: 'Scale kept units by 1/(1−p)',
  seed: 'Random seed',
  newMask: 'New mask',
  newMaskHint: 'Draw a new mask to look at (training goes on drawing its own, one a step)',
  moreSettings: (average: string, seed: number) => `More settings: ${average}, seed ${seed}`,
  average: 'Average the thinned networks’',
  averageNames: { logits: 'logits (geometric mean)', probabilities: 'probabilities (arithmetic mean)' },
  averageShort: { logits: 'logits averaged', probabilities: 'probabilities averaged' },
  // The diagram
  diagramTitle: 'The network and its current mask',
  layerNames: ['inputs', 'hidden 1', 'hidden 2', 'output'],
  layerShort: ['in', 'h1', 'h2', 'out'],
  maskCaption: (step: number, kept1: number, kept2: number, units: number) => `Step ${step}: ${kept1} and ${kept2} of ${units} kept`,
  lookCaption: (kept1: number, kept2: number, units: number) => `To look at: ${kept1} and ${kept2} of ${units} kept`,
  noDropCaption: 'p = 0: no unit is ever dropped.',
  diagramDescription: (dropped1: string, dropped2: string, unit: number) =>
    `A network with 2 inputs, two hidden layers of 8 ReLU units and one output, every unit joined to every unit of the next layer; links are vermilion for positive weights and blue for negative, thicker for larger ones. Dropped units are grey and crossed out, with their links hidden. Hidden 1 drops ${dropped1}; hidden 2 drops ${dropped2}. Unit ${unit} of hidden 1 is ringed: the scaling panel follows it.`,
  unitList: (units: number[]) => (units.length === 0 ? 'no unit' : `unit${units.length > 1 ? 's' : ''} ${units.join(', ')}`),
  // The decision surface
  surfaceGroup: 'Surface',
  surfaceNames: { inference: 'Inference', thinned: 'One mask', average: 'K-average' },
  surfaceLong: {
    inference: 'The whole network at inference: no mask, no scaling',
    thinned: 'The thinned network of the mask on the diagram',
    average: 'The average of K thinned networks',
  },
  surfaceTitle: { inference: 'The network at inference', thinned: 'The thinned network of the mask shown', average: (k: number) => `The average of ${k} thinned networks` },
  x1: 'x₁',
  x2: 'x₂',
  probe: 'Probe point',
  surfaceDescription: (what: string, step: number, accuracy: string) =>
    `Heat map over x₁ and x₂ from −2.5 to 2.5 of ${what}'s probability of class 1 (blue for 0, vermilion for 1) after ${step} steps, with the training points (blue circles class 0, vermilion triangles class 1) and a draggable probe point. ${accuracy}`,
  accuracy: (right: number, train: number, test: string, tests: number) => `At inference: ${right} of ${train} training points right, and ${test} of ${tests} test points.`,
  // The scaling and ensemble panels (one at a time on a phone)
  panelGroup: 'Panel shown',
  panelNames: { scaling: 'Scaling', ensemble: 'Ensemble' },
  panelLong: { scaling: 'What one unit passes on over many masks', ensemble: 'K thinned networks averaged, against the inference pass' },
  unitGroup: 'Unit of hidden 1 followed',
  unitShort: 'Unit',
  unitOption: (u: number) => `Hidden unit ${u}`,
  scalingTitle: (unit: number) => `What unit ${unit} passes on, mask by mask`,
  maskNumber: 'mask',
  passed: 'passed on',
  inferenceValue: 'inference value a',
  runningMean: 'running mean',
  scalingDescription: (unit: number, n: number, a: string, kept: string, mean: string) =>
    `Dots: the value hidden unit ${unit} passes on at the probe point under each of ${n} random masks, 0 when dropped and ${kept} when kept. The line is the running mean, ending at ${mean}; the dashed line is its value at inference, a = ${a}.`,
  scalingReadout: (n: number, mean: string, expected: string, a: string) => `Mean of ${n}: ${mean} (expected ${expected}); inference a = ${a}.`,
  scalingVerdict: { scaled: 'Equal in expectation.', unscaled: (factor: string) => `Short by the factor 1 − p = ${factor}: inference feeds the next layer more than training did.` },
  silentUnit: (unit: number) => `Unit ${unit} is silent at the probe point (its ReLU outputs 0), so every mask passes 0: move the probe point or pick another unit.`,
  // The ensemble panel
  ensembleTitle: 'K thinned networks averaged, at the probe',
  kAxis: 'K, thinned networks averaged (log scale)',
  probAxis: 'P(class 1)',
  inferenceLine: 'inference pass',
  ensembleDescription: (average: string, inference: string, k: number, atK: string, last: string) =>
    `Faint dots: each thinned network's probability of class 1 at the probe point. Line: the average of the first K of them (${average}) for K from 1 to 128, ending at ${last}. Dashed line: the single inference pass, ${inference}. At K = ${k} the average is ${atK}.`,
  ensembleReadout: (k: number, atK: string, inference: string, gap: string) => `K = ${k}: ${atK}; inference pass ${inference}; gap ${gap}.`,
  // The status line
  testAccuracy: (test: string) => `test accuracy ${test}`,
  divergedAdvice: 'A lower dropout rate will help.',
  linkLabels: {
    p: 'dropout rate',
    scaled: 'scaling by 1/(1−p)',
    k: 'thinned networks averaged',
    surface: 'surface shown',
    average: 'average taken of',
    unit: 'hidden unit followed',
    probeX: 'probe x₁',
    probeY: 'probe x₂',
    panel: 'panel shown on a phone',
    seed: 'seed',
  },
});
