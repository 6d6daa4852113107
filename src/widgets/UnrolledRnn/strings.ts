// Every word the unrolled-RNN figure shows.
import { catalogue } from '../../i18n/index.ts';
import { HIDDEN, MAX_STEPS } from './unrolled.ts';

export const unrolledStrings = catalogue('UnrolledRnn', {
  sequence: 'Sequence',
  sequenceHint: `Type characters, or numbers separated by commas (at most ${MAX_STEPS} steps).`,
  step: 'Time step',
  stepOf: (step: number, steps: number) => `${step} of ${steps}`,
  previous: 'Previous step',
  next: 'Next step',
  seed: 'Weights (random seed)',
  empty: 'Type a few characters or numbers to unroll the network over them.',
  badNumber: 'One of the numbers is too large to read; try numbers between −10 and 10.',
  truncated: `Only the first ${MAX_STEPS} steps are unrolled.`,
  inputKindChars: (n: number) => `Characters: each is a one-hot vector over the ${n} different ${n === 1 ? 'character' : 'characters'} typed.`,
  inputKindNumbers: 'Numbers: each step reads one value (kept within −10 to 10).',
  stripsLabel: 'The hidden state after each step',
  stripCaption: (t: number, symbol: string) => `step ${t}, input ${symbol}`,
  stateValues: (t: number, symbol: string, values: string) => `Step ${t}, input ${symbol}: hidden state ${values}.`,
  notYet: 'not computed yet',
  equationHeading: (t: number) => `Step ${t} written out`,
  /** The notation of the written-out step: input x, weights W_xh and W_hh, bias b, pre-activation z, hidden state h. */
  symbols: { x: 'x', W: 'W', xh: 'xh', h: 'h', hh: 'hh', z: 'z', b: 'b', tanh: 'tanh' },
  oneHot: (symbol: string, vector: string) => `one-hot(${symbol}) = ${vector}`,
  /** The time index under each step's strip. */
  timeMark: (t: number) => `t=${t}`,
  sameWeights: `W_hh below (${HIDDEN} × ${HIDDEN}) is the very same matrix at every step: one set of weights, reused along the sequence.`,
  matrixCaption: 'Recurrent weights W_hh (row i: from hidden unit i)',
  columnHeader: (j: number) => `to unit ${j}`,
  rowHeader: (i: number) => `from unit ${i}`,
  legend: 'Colours: blue negative, grey near 0, orange positive (tanh keeps every value between −1 and 1).',
  starting: 'Starting the compute engine…',
  engineFailed: (why: string) => `The compute engine could not start: ${why}`,
  failed: (why: string) => `The network could not be run: ${why}`,
  symbolName: (symbol: string) => (symbol === ' ' ? '␣ (space)' : symbol === '\n' ? '↵ (newline)' : symbol === '\t' ? '→ (tab)' : symbol),
  /** The settings' names in what the frame says about a shared link. */
  linkLabels: { sequence: 'sequence', step: 'time step', seed: 'weights' },
});
