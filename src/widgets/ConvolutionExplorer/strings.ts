// Every word the convolution explorer shows.
import { catalogue } from '../../i18n/index.ts';
import type { InputName, KernelPreset } from '../../models/convolution/convolution.ts';

export const convStrings = catalogue('ConvolutionExplorer', {
  input: 'Input image',
  inputNames: { digit: 'handwritten 7 (28×28)', square: 'square of ones (12×12)' } satisfies Record<InputName, string>,
  preset: 'Kernel',
  presetNames: {
    identity: 'identity',
    blur: 'blur',
    sharpen: 'sharpen',
    sobelX: 'Sobel x (vertical edges)',
    sobelY: 'Sobel y (horizontal edges)',
    emboss: 'emboss',
    custom: 'custom (type below)',
  } satisfies Record<KernelPreset, string>,
  kernelText: 'Kernel weights (9 numbers, rows separated by ;)',
  kernelBad: (why: string) => `The kernel ${why}; the last valid kernel is still in use.`,
  stride: 'Stride',
  padding: 'Padding',
  dilation: 'Dilation',
  step: 'Step',
  stepHint: 'Move the kernel to the next output position',
  play: 'Play',
  pause: 'Pause',
  finish: 'Finish',
  finishHint: 'Compute every remaining output at once',
  restart: 'Start over',
  inputTitle: 'Input with padding',
  inputDescription: (h: number, w: number, p: number, row: number, col: number, k: number) =>
    `The ${h}×${w} input${p ? `, with ${p} ${p === 1 ? 'ring' : 'rings'} of zero padding (drawn faded)` : ''}, as grey levels: ink dark, background light. The ${k}×${k} window of the kernel is outlined at rows ${row + 1}–${row + k}, columns ${col + 1}–${col + k} of the padded input.`,
  kernelTitle: 'Kernel',
  kernelDescription: (text: string) => `The 3×3 kernel, row by row: ${text}. Positive weights vermilion, negative blue.`,
  outputTitle: 'Output (feature map)',
  outputDescription: (h: number, w: number, done: number, lo: string, hi: string) =>
    `The ${h}×${w} output map, ${done} of ${h * w} values computed so far, from ${lo} (blue) to ${hi} (vermilion); white is zero.`,
  formula: 'Output size',
  /** The output-size formula, then the same with the live numbers, up to the result (shown in bold after it). */
  formulaWorking: (n: number, p: number, d: number, k: number, s: number) =>
    `⌊(n + 2p − d(k − 1) − 1) / s⌋ + 1 = ⌊(${n} + 2·${p} − ${d}·(${k} − 1) − 1) / ${s}⌋ + 1 =`,
  tooBig: 'With these settings the kernel does not fit in the padded input: make the padding larger, or the stride or dilation smaller.',
  dotAt: (i: number, j: number) => `Output at row ${i + 1}, column ${j + 1}:`,
  engineNote: 'The output map comes from the engine’s conv2d; the sum written out above is the same number, recomputed term by term.',
  starting: 'Starting the compute engine…',
  engineFailed: (why: string) => `The compute engine could not start: ${why}`,
  failed: (why: string) => `The convolution could not be computed: ${why}`,
  /** The settings' names in what the frame says about a shared link. */
  linkLabels: {
    input: 'input image',
    preset: 'kernel',
    custom: 'custom kernel',
    stride: 'stride',
    padding: 'padding',
    dilation: 'dilation',
  },
});
