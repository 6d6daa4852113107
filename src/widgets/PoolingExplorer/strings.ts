// Every word the pooling explorer shows.
import { catalogue } from '../../i18n/index.ts';
import type { PoolKind } from './pooling.ts';

export const poolStrings = catalogue('PoolingExplorer', {
  kind: 'Pooling',
  kindNames: { max: 'max pooling', average: 'average pooling' } satisfies Record<PoolKind, string>,
  size: 'Window size',
  stride: 'Stride',
  shift: 'Shift the input one pixel right',
  row: 'Output row',
  col: 'Output column',
  inputTitle: 'Feature map (input)',
  inputDescription: (text: string, row: number, col: number, size: number) =>
    `An 8×8 feature map, row by row: ${text}. The ${size}×${size} pooling window is outlined at rows ${row + 1}–${row + size}, columns ${col + 1}–${col + size}.`,
  outputTitle: 'Pooled map (output)',
  outputDescription: (h: number, w: number, text: string) => `The ${h}×${w} pooled map, row by row: ${text}.`,
  window: (kind: PoolKind, values: string, result: string) =>
    kind === 'max' ? `max(${values}) = ${result}` : `(${values}) / count = ${result}`,
  formula: (n: number, k: number, s: number, out: number) => `Output size: ⌊(${n} − ${k}) / ${s}⌋ + 1 = ${out}`,
  tooBig: 'The window does not fit in the map with this stride.',
  overlap: 'The windows overlap: the stride is smaller than the window.',
  gaps: 'Some input values fall between windows and are never looked at: the stride is larger than the window.',
  changed: (n: number, total: number) => `${n} of ${total} pooled values differ from the unshifted map.`,
  starting: 'Starting the compute engine…',
  engineFailed: (why: string) => `The compute engine could not start: ${why}`,
  failed: (why: string) => `Pooling failed: ${why}`,
  /** The settings' names in what the frame says about a shared link. */
  linkLabels: {
    kind: 'pooling',
    size: 'window size',
    stride: 'stride',
    row: 'output row',
    col: 'output column',
    shifted: 'shifted input',
  },
});
