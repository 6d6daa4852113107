// Every word the receptive-field figure shows.
import { catalogue } from '../../i18n/index.ts';
import type { LayerSpec, StackName } from './receptive.ts';

export const fieldStrings = catalogue('ReceptiveField', {
  stack: 'Layers',
  stackNames: {
    three3x3: 'three 3×3 convolutions',
    lenet: 'LeNet-style: 5×5 conv, 2×2 pool, 5×5 conv, 2×2 pool',
    dilated: '3×3 convolutions with dilation 1, 2, 4',
    gridded: '3×3 convolutions with dilation 2, 2, 2',
    strided: 'three 3×3 convolutions with stride 2',
  } satisfies Record<StackName, string>,
  layer: 'Layer of the unit',
  row: 'Unit row',
  col: 'Unit column',
  layerName: (l: LayerSpec, i: number) =>
    `${i + 1}: ${l.kind === 'conv' ? `conv ${l.k}×${l.k}` : `pool ${l.k}×${l.k}`}${l.s > 1 ? `, stride ${l.s}` : ''}${l.d > 1 ? `, dilation ${l.d}` : ''}`,
  inputTitle: 'Input pixels the unit depends on',
  inputDescription: (side: number, box: string, total: number) =>
    `The ${side}×${side} input. The chosen unit depends on ${total} input pixels, inside the outlined box ${box}; the darker a pixel, the more paths lead from it to the unit.`,
  layerTitle: (side: number) => `The chosen layer’s ${side}×${side} map`,
  layerDescription: (row: number, col: number) => `The chosen unit is marked at row ${row + 1}, column ${col + 1}; click a cell or use the sliders to choose another.`,
  tableCaption: 'Receptive field, layer by layer: r = r_prev + (d(k − 1)) · j_prev, j = j_prev · s',
  columns: ['layer', 'output side', 'receptive field r', 'jump j'],
  input: 'input',
  box: (r: number, c: number, n: number) => `rows ${r + 1}–${r + n}, columns ${c + 1}–${c + n}`,
  agree: (n: number) => `The engine’s backward pass and the recurrence agree: a ${n}×${n} field.`,
  disagree: (a: number, b: number) => `The backward pass finds a ${a}-pixel field, the recurrence ${b}.`,
  holes: (used: number, field: number) => `Only ${used} of the ${field * field} pixels inside the field are used: the dilated kernels skip the others.`,
  starting: 'Starting the compute engine…',
  engineFailed: (why: string) => `The compute engine could not start: ${why}`,
  failed: (why: string) => `The receptive field could not be computed: ${why}`,
  /** The settings' names in what the frame says about a shared link. */
  linkLabels: { stack: 'layers', layer: 'layer', row: 'unit row', col: 'unit column' },
});
