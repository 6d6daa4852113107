// Every word the gradients-through-time figure shows.
import { catalogue } from '../../i18n/index.ts';
import { CLIP_NORM, HIDDEN, INPUTS } from './gradients.ts';

export const rnnGradientStrings = catalogue('RnnGradients', {
  length: 'Sequence length (steps)',
  scale: 'Recurrent weight scale',
  forgetBias: 'LSTM forget-gate bias',
  clip: `Clip the gradient to norm ${CLIP_NORM}`,
  seed: 'Random seed',
  newDraw: 'Draw again',
  newDrawHint: 'New random weights and inputs (the next seed)',
  rnnTitle: 'Tanh RNN',
  lstmTitle: 'LSTM',
  xAxis: 'time step t (the loss is at the last one)',
  yAxis: '‖∂L/∂hₜ‖ (log scale)',
  chartDescription: (cell: string, setup: string, values: string, summary: string) =>
    `Line chart for the ${cell}: the size of the gradient of the last step's loss with respect to the hidden state at each earlier step, ${setup}. Values at selected steps: ${values}. ${summary}`,
  setup: (length: number, scale: string, bias: string, clip: boolean) =>
    `${length} steps, ${HIDDEN} hidden units, ${INPUTS} random inputs per step, recurrent weights scaled by ${scale}, forget-gate bias ${bias}${clip ? `, gradient clipped to norm ${CLIP_NORM}` : ''}`,
  value: (t: number, v: string) => `t = ${t}: ${v}`,
  ratio: (cell: string, first: string, length: number, verdict: string) =>
    `${cell}: the gradient at step 1 is ${first} times the one at step ${length}${verdict}.`,
  vanishes: ' — it vanishes on the way back',
  explodes: ' — it explodes on the way back',
  holds: ' — it keeps its size',
  underflow: (cell: string, n: number) => `${cell}: at ${n} early ${n === 1 ? 'step' : 'steps'} the gradient underflowed to exactly 0 in float32.`,
  clipNote: (cell: string, before: string, factor: string) =>
    `${cell}: the weights' gradient had norm ${before}; clipping multiplied every gradient by ${factor}.`,
  clipNone: (cell: string, before: string) => `${cell}: the weights' gradient had norm ${before}, under the cap, so clipping changed nothing.`,
  noClip: (cell: string, before: string) => `${cell}: norm of the weights' gradient ${before}.`,
  method: 'One backward pass through the engine per network: each hidden state keeps its gradient. Same inputs for both; recurrent weights drawn the same way and scaled alike.',
  starting: 'Starting the compute engine…',
  engineFailed: (why: string) => `The compute engine could not start: ${why}`,
  failed: (why: string) => `The gradients could not be computed: ${why}`,
  /** The settings' names in what the frame says about a shared link. */
  linkLabels: {
    length: 'sequence length',
    scale: 'recurrent weight scale',
    forgetBias: 'forget-gate bias',
    clip: 'clipping',
    seed: 'seed',
  },
});
