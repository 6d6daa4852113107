// Builds and traces the chosen graph with the engine whenever the graph or an input changes. The
// engine's tensors live only inside `traceWithGradients`; React holds the traced plain data.
import { useMemo } from 'react';
import { buildGraph, type BuiltGraph, type Preset } from './build.ts';

export function useGraphStepper(ready: boolean, preset: Preset, typed: string, values: readonly number[]): BuiltGraph | null {
  const key = values.join(',');
  return useMemo(() => (ready ? buildGraph(preset, typed, values) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the values by their joined key, not the array identity
    [ready, preset, typed, key]);
}
