// The neuron's numbers for the figure: the output over a grid of the input plane and at the
// reader's point. Each evaluation builds its tensors inside `tidy` and hands back plain arrays, so
// nothing of the engine outlives a render.
import { useMemo } from 'react';
import { evaluateNeuron, type NeuronParams } from '../../models/neuron.ts';
import { gridCenters } from '../kit/plot/grid.ts';

export const PLANE_EXTENT = 3;
export const GRID_CELLS = 60;

export interface NeuronSnapshot {
  /** Outputs on the grid, row-major from the bottom row (the heat map's order). */
  plane: number[];
  z: number;
  y: number;
}

export function useNeuron(ready: boolean, p: NeuronParams, x1: number, x2: number): NeuronSnapshot | null {
  const grid = useMemo(() => gridCenters({ x: [-PLANE_EXTENT, PLANE_EXTENT], y: [-PLANE_EXTENT, PLANE_EXTENT] }, GRID_CELLS, GRID_CELLS), []);
  const plane = useMemo(
    () => (ready ? evaluateNeuron(grid, p).y : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the parameters by value; the object p is new at every render
    [ready, grid, p.w1, p.w2, p.b, p.activation],
  );
  const at = useMemo(
    () => (ready ? evaluateNeuron([[x1, x2]], p) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the parameters by value; the object p is new at every render
    [ready, x1, x2, p.w1, p.w2, p.b, p.activation],
  );
  if (!plane || !at) return null;
  return { plane, z: at.z[0], y: at.y[0] };
}
