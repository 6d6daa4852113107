// The figure's numbers: the truth table's rows and the plane's shading, computed by the engine for
// one neuron or for the 2-2-1 network. Every evaluation frees its tensors before it returns.
import { useMemo } from 'react';
import { gridCenters } from '../kit/plot/grid.ts';
import { evaluateGateNetwork, evaluateGateNeuron, type SingleNeuron, type TwoLayerNet, type UnitKind } from './gates.ts';

export const PLANE_LO = -0.5;
export const PLANE_HI = 1.5;
export const PLANE_CELLS = 40;

export interface GateRows {
  /** Weighted sums of the single neuron (empty for the network). */
  z: number[];
  /** Hidden values per row (empty for the single neuron). */
  h: [number, number][];
  y: number[];
  /** Output over the plane, row-major from the bottom row (the heat map's order). */
  plane: number[];
}

export function useGateNeuron(ready: boolean, p: SingleNeuron): GateRows | null {
  const grid = useMemo(() => gridCenters({ x: [PLANE_LO, PLANE_HI], y: [PLANE_LO, PLANE_HI] }, PLANE_CELLS, PLANE_CELLS), []);
  return useMemo(() => {
    if (!ready) return null;
    const rows = evaluateGateNeuron(p);
    return { z: rows.z, h: [], y: rows.y, plane: evaluateGateNeuron(p, grid).y };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the weights by value; the object p is new at every render
  }, [ready, grid, p.w1, p.w2, p.b]);
}

export function useGateNetwork(ready: boolean, net: TwoLayerNet | null, unit: UnitKind): GateRows | null {
  const grid = useMemo(() => gridCenters({ x: [PLANE_LO, PLANE_HI], y: [PLANE_LO, PLANE_HI] }, PLANE_CELLS, PLANE_CELLS), []);
  const key = net ? JSON.stringify(net) : '';
  return useMemo(() => {
    if (!ready || !net) return null;
    const rows = evaluateGateNetwork(net, unit);
    return { z: [], h: rows.h, y: rows.y, plane: evaluateGateNetwork(net, unit, grid).y };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the network by its key, not by identity
  }, [ready, grid, key, unit]);
}
