// Every word CrossEntropyByHand shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import { eNotation } from '../kit/format.ts';
import { formatStep } from './crossEntropy.ts';

export const crossEntropyStrings = catalogue('CrossEntropyByHand', {
  logit: (j: number) => `Logit z${j}`,
  target: 'True class',
  className: (j: number) => `class ${j}`,
  trueMark: '(true)',
  addClass: 'Add a class',
  removeClass: 'Remove the last class',
  starting: 'Starting the engine…',
  engineFailed: (why: string) => `The engine could not start: ${why}`,
  tableCaption: 'Softmax cross-entropy of one example, step by step',
  stepColumn: 'step',
  rows: {
    logits: 'logits z',
    shifted: (max: number) => `z − max (max = ${formatStep(max, 2)})`,
    exps: 'exp(z − max)',
    total: 'Σ exp(z − max)',
    probs: 'softmax p',
    loss: 'loss −log p(true)',
    gradient: '∂loss/∂z, backward()',
    formula: 'p − one-hot, formula',
  },
  totalValue: (total: number) => `Σ = ${formatStep(total)}`,
  lossValue: (loss: number, target: number, p: number) => `−log p${target} = −log ${formatStep(p)} = ${formatStep(loss)}`,
  engineLoss: (loss: number) => `The engine's crossEntropy (through its fused log-softmax) gives ${formatStep(loss)}.`,
  agreement: (diff: number) =>
    `The gradient from backward() and the formula p − one-hot differ by at most ${diff === 0 ? '0' : eNotation(diff, 1)}: float32 rounding, nothing more.`,
  shiftNote:
    'Subtracting the largest logit changes no probability (the factor e^(−max) cancels between top and bottom) but keeps every exp at most 1, so nothing overflows.',
  barsTitle: 'Softmax probabilities',
  barsDescription: (probs: number[], target: number, loss: number) =>
    `Probabilities of ${probs.length} classes: ${probs.map((p, j) => `class ${j} ${formatStep(p, 3)}`).join(', ')}. ` +
    `The true class is class ${target}; its probability gives the loss ${formatStep(loss, 3)}.`,
  barsAxis: 'probability',
  barsClasses: 'class (the true one is orange and marked ✓)',
  barLabel: (j: number, isTarget: boolean) => (isTarget ? `${j} ✓` : `${j}`),
  /** The settings' names in what the frame says about a shared link. */
  linkLabels: { logits: 'logits', target: 'true class' },
});
