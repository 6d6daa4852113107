// Every word ClassificationLoss shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import { eNotation, fixed } from '../kit/format.ts';

const fmt = (v: number, digits = 3) => fixed(v, digits, { minus: '-' });

/** Small numbers in scientific notation, so that 0.0007 does not read as 0.001. */
export const fmtSmall = (v: number) => (Number.isFinite(v) && v !== 0 && Math.abs(v) < 0.01 ? eNotation(v, 1) : fmt(v));

export const classificationStrings = catalogue('ClassificationLoss', {
  p: 'Predicted probability of the true class, p',
  z: 'Logit z (p = sigmoid(z))',
  starting: 'Starting the engine…',
  engineFailed: (why: string) => `The engine could not start: ${why}`,
  setup: 'One example whose true label is 1. The model outputs a logit z; the sigmoid turns it into p = sigmoid(z).',
  bce: 'BCE  −log p',
  mse: 'MSE  (p − 1)²',
  bceShort: 'BCE',
  mseShort: 'MSE',
  zAxis: 'logit z',
  lossAxis: 'loss',
  gradAxis: 'gradient ∂loss/∂z',
  lossTitle: 'Two losses of the same prediction, over the logit',
  lossDescription: (z: number, p: number, bce: number, mse: number) =>
    `Binary cross-entropy (solid line, circle marker) and squared error (dashed line, square marker) of p = sigmoid(z) against the label 1, ` +
    `for z from −8 to 8. Cross-entropy grows without bound as z falls; squared error never exceeds 1. ` +
    `At z = ${fmt(z, 2)} (p = ${fmtSmall(p)}): BCE ${fmt(bce)}, MSE ${fmt(mse)}. The shaded region, z below −2.2, is where p < 0.1.`,
  gradTitle: 'Their gradients with respect to the logit',
  gradDescription: (z: number, bceGrad: number, mseGrad: number) =>
    `The gradients from the engine's backward pass: BCE's is sigmoid(z) − 1, which tends to −1 as z falls; ` +
    `MSE's is 2(p − 1)·p(1 − p) with p = sigmoid(z), which tends to 0 at both ends. At z = ${fmt(z, 2)}: BCE ${fmtSmall(bceGrad)}, MSE ${fmtSmall(mseGrad)}. The shaded region, z below −2.2, is where p < 0.1.`,
  tableCaption: (z: number, p: number) => `At the current prediction: z = ${fmt(z, 2)}, p = ${fmtSmall(p)}`,
  columns: ['', 'loss', 'gradient ∂loss/∂z'] as const,
  vanishingTitle: 'Confidently wrong:',
  vanishing: (p: number, bceGrad: number, mseGrad: number, ratio: number) =>
    `the model gives the true class only p = ${fmtSmall(p)}. Cross-entropy's gradient is ${fmtSmall(bceGrad)}, close to −1: a strong push ` +
    `towards the right answer. Squared error's gradient is only ${fmtSmall(mseGrad)} (${ratio >= 1000 ? 'over 1,000' : Math.round(ratio)} times smaller): the factor ` +
    `p(1 − p), the sigmoid's own slope, is nearly 0 here, so the gradient vanishes exactly where the mistake is worst.`,
  wrongBand: 'p < 0.1',
  notWrong: 'Move p below 0.1 (or z below about −2.2) to see what happens to a confident mistake.',
  /** The settings' names in what the frame says about a shared link. */
  linkLabels: { p: 'probability p' },
});
