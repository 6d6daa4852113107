// Every word the augmentation figure shows.
import { catalogue } from '../../i18n/index.ts';
import { count, percent } from '../kit/format.ts';

const signed = (v: number) => (v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0');

export const augmentationStrings = catalogue('AugmentationLab', {
  shift: 'Shift ± (px)',
  rotation: 'Rotation ± (°)',
  noise: 'Noise σ',
  flip: 'Flip left–right (changes the label)',
  trainSize: 'Training digits',
  model: 'Network',
  modelNames: { mlp: 'MLP', cnn: 'CNN' } as Record<string, string>,
  modelNote: { mlp: 'MLP: 784 → 128 (ReLU) → 10.', cnn: 'CNN: conv 8@5×5 → pool → conv 16@5×5 → pool → 10.' } as Record<string, string>,
  epochs: 'Epochs',
  seed: 'Random seed',
  newDraws: 'New draws',
  nextDigit: 'Another digit',
  drawNumber: (draw: number, digit: number) => `training digit ${digit}, draw ${draw}`,
  previewHeading: 'What the augmented network sees',
  previewNote: 'Outlined: the digit itself. Fresh copies every epoch; test digits are never augmented.',
  originalLabel: (label: number, index: number) => `Training digit ${index}, a ${label}, as it is.`,
  copyLabel: (k: number, what: string) => `Copy ${k}: ${what}.`,
  moved: (dx: number, dy: number) =>
    dx === 0 && dy === 0 ? 'not shifted' : `shifted ${signed(dx)} px across and ${signed(dy)} px down`,
  turned: (deg: number) => (Math.abs(deg) < 0.05 ? 'not turned' : `turned ${Math.abs(deg).toFixed(0)}° ${deg > 0 ? 'anticlockwise' : 'clockwise'}`),
  mirrored: 'mirrored',
  noisy: (sigma: number) => `noise σ ${sigma}`,
  waiting: 'The MNIST digits (7.8 MB) are fetched when this figure comes into view.',
  loading: 'Fetching the MNIST digits…',
  loadFailed: (why: string) => `The digits could not be loaded: ${why}`,
  advice: 'Reset to train again from the start.',
  plotTitle: 'Accuracy after each epoch',
  plotX: 'epoch',
  plotY: 'accuracy',
  plotDescription: (test: number, points: string) =>
    points
      ? `Accuracy of the two networks after each epoch, on the ${count(test)} test digits (solid) and on their own training digits without augmentation (dashed): ${points}.`
      : 'No accuracy measured yet: press Train.',
  point: (epoch: number, plainTest: number, augTest: number, plainTrain: number, augTrain: number) =>
    `epoch ${epoch}: test ${percent(plainTest, 1)} plain, ${percent(augTest, 1)} augmented; training ${percent(plainTrain, 1)} plain, ${percent(augTrain, 1)} augmented`,
  legendPlain: 'trained on the plain digits',
  legendAugmented: 'trained on augmented copies',
  legendLines: 'solid: test digits · dashed: training digits',
  gap: (epoch: number, plain: number, augmented: number, test: number) => {
    const points = Math.round((augmented - plain) * 1000) / 10;
    const verdict = points > 0 ? `augmentation adds ${points.toFixed(1)} points` : points < 0 ? `augmentation costs ${(-points).toFixed(1)} points` : 'no difference';
    return `After ${epoch} ${epoch === 1 ? 'epoch' : 'epochs'}, on the ${count(test)} test digits: ${percent(augmented, 1)} augmented, ${percent(plain, 1)} plain: ${verdict}.`;
  },
  gapNone: 'Press Train: two identical networks, the same batches; only one sees augmented copies.',
  evaluating: (epoch: number) => `measuring epoch ${epoch}…`,
  /** How the shared-link notices name each setting. */
  linkLabels: {
    trainSize: 'training digits',
    model: 'network',
    shift: 'shift',
    rotation: 'rotation',
    noise: 'noise',
    flip: 'flip',
    epochs: 'epochs',
    digit: 'preview digit',
    draw: 'preview draw',
    seed: 'seed',
  },
});
