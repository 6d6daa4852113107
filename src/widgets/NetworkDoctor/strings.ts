// Every word the network doctor shows, in one place so that a translation can follow. Numbers
// arrive already written (the figure formats them), so the sentences only place them.
import { catalogue } from '../../i18n/index.ts';
import type { CaseId, DoctorSet, Fault } from '../../models/doctor/cases.ts';
import type { Objection } from '../../models/doctor/diagnosis.ts';

export const doctorStrings = catalogue('NetworkDoctor', {
  caseLabel: 'The network',
  caseNames: { '1': 'Case 1', '2': 'Case 2', '3': 'Case 3', '4': 'Case 4', random: 'A random case' } satisfies Record<CaseId, string>,
  seedLabel: 'Random case number',
  anotherCase: 'Another random case',
  setNames: { moons: 'the two moons', circle: 'the disc in a ring', xor: 'the four quadrants (XOR)' } satisfies Record<DoctorSet, string>,
  setting: (set: string, points: number, width: number, steps: number) =>
    `Two layers of ${width} ReLUs, trained on ${set} (${points} points) by gradient descent with momentum for ${steps} steps. It does not learn: why?`,
  settingFixed: 'The fault is fixed: the same network retrains from the same seed.',
  accuracy: (share: string) => `accuracy ${share}`,

  figuresLabel: 'What training shows',
  surfaceTitle: 'Prediction',
  surfaceDescription: (set: string, step: number, accuracy: string) =>
    `Heat map over x₁ and x₂ from −6 to 6 of the network's probability of class 1 (blue for class 0, vermilion for class 1) after ${step} steps, with the points of ${set}: ${accuracy}.`,
  x1: 'x₁',
  x2: 'x₂',
  lossTitle: 'Loss (log scale)',
  lossRun: 'loss',
  lossBroken: 'with the fault',
  lossFixed: 'fixed',
  gradTitle: 'Gradients (log)',
  layerAxis: 'layer',
  layerNames: ['1', '2', 'out'],
  layerName: (name: string) => (name === 'out' ? 'the output layer' : `layer ${name}`),
  gradDescription: (values: string) => `Bars, on a log scale, of the norm of the gradient of each layer's weights and biases at the last step measured: ${values}.`,
  activeTitle: 'Active ReLUs',
  activeAxis: 'share active',
  activeDescription: (values: string) => `Bars of the share of each hidden layer's ReLUs that output more than 0 for at least one point, at the last step measured: ${values}.`,
  layerValue: (layer: string, value: string) => `${layer} ${value}`,
  noStep: 'not measured before the first step',
  inputsCaption: 'Inputs as the network gets them',
  inputColumns: ['input', 'mean', 'std'],
  featureNames: ['x₁', 'x₂'],

  diagnosisLegend: 'Your diagnosis: what is wrong?',
  faultNames: {
    rate: 'The learning rate is far too large',
    inputs: 'The inputs are not normalised',
    dead: 'A layer of ReLUs is dead',
    loss: 'The loss gets the wrong output',
  } satisfies Record<Fault, string>,
  both: (values: readonly string[]) => values.join(' and '),
  perLayer: (values: readonly string[]) => values.map((v, i) => `${v} in layer ${i + 1}`).join(', '),
  wait: (steps: number) => `Train it first (at least ${steps} steps, or until it stops): the diagnosis must come from what training shows.`,
  right: 'Right.',
  wrong: 'Look again.',
  why: {
    rate: (first: string, peak: string, step: number, times: number) =>
      `The loss went from ${first} to ${peak} by step ${step} and then ran away: each step overshoots the bottom of the valley by more than it gains, so the next one starts from worse. A rate ${times} times smaller takes steps the valley can hold.`,
    inputs: (std: string, ratio: string, first: string) =>
      `One input reaches the network with a standard deviation of ${std}, ${ratio} times the other's: the first layer's outputs, the starting loss (${first}) and the gradients are all that much too large, and no rate suits both inputs. Subtracting each input's mean and dividing by its standard deviation puts them on one scale.`,
    dead: (units: number, bias: string) =>
      `Every one of layer 2's ${units} ReLUs outputs 0 for every point: their biases start at ${bias}, below anything their inputs can lift, and a ReLU that outputs 0 has slope 0, so the gradient behind it is exactly 0 and nothing before it learns. Biases started at 0 put the units back in reach of their inputs.`,
    loss: (floor: string, lo: string, hi: string) =>
      `The cross-entropy takes its own softmax, and here it is given probabilities that have been through one already: squeezed into [${lo}, ${hi}], they hold the loss above ${floor} however right the network is, and damp every gradient. Given the raw outputs (the logits), the loss can fall towards 0.`,
  } satisfies Record<Fault, unknown>,
  objections: {
    rateFlat: (steps: number, loss: string) => `The loss has not moved in ${steps} steps: it sits at ${loss}. Too large a rate makes the loss jump about; this one does not even twitch.`,
    rateStartedHigh: (first: string) => `The loss was already ${first} at step 1, before the rate had moved a single weight: a rate acts from the first step on, so something else made the starting loss that large.`,
    rateSmooth: (first: string, last: string) => `The loss fell steadily, from ${first} to ${last}, and never jumped up: too large a rate would make it jump and climb.`,
    inputsStandardised: (means: string, stds: string) => `Both inputs reach the network with a mean of about 0 (${means}) and a standard deviation of about 1 (${stds}): they are already standardised.`,
    deadActive: (active: string) => `Every hidden layer has units that output something (${active}), and no layer's gradient is 0: nothing here is dead.`,
    lossClimbed: (first: string, peak: string) => `The loss climbed, from ${first} to ${peak}: a wrong loss can slow learning down, but it does not make the loss grow.`,
    lossFlat: (steps: number, loss: string) => `The loss has not moved in ${steps} steps: it sits at ${loss}. A wrong loss still learns something, slowly; this network learns nothing at all.`,
  } satisfies Record<Objection, unknown>,
  fixes: {
    rate: (rate: string) => `Lower the rate to ${rate}`,
    inputs: 'Normalise the inputs',
    dead: 'Re-initialise the biases at 0',
    loss: 'Give the loss the logits',
  },
  fixedRunning: (steps: number) => `Retraining from the same seed: watch it for ${steps} steps.`,
  fixedResult: (share: string, steps: number, loss: string) => `Fixed: ${share} of the points right after ${steps} steps, and the loss down to ${loss}.`,
  brokenResult: (share: string, steps: number, loss: string) => `With the fault it had ${share} right after ${steps} steps, at a loss of ${loss}.`,
  brokenDiverged: (step: number) => `With the fault it diverged at step ${step}.`,
  unfix: 'Put the fault back',
  /** How the shared-link notices name each setting. */
  linkLabels: {
    case: 'case',
    seed: 'random case number',
    diagnosis: 'diagnosis',
    fixed: 'fixed',
  },
});
