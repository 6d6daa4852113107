// Owns the figure's engine network: built when the engine is ready (and again for new sizes or a
// new seed), disposed when replaced or unmounted. React receives only plain numbers.
import { useEffect, useState } from 'react';
import { ForwardNetwork, type ForwardActivation, type LayerStep } from './network.ts';

export interface ForwardPassSnapshot {
  sizes: number[];
  /** Weights [in][out] per layer, for the diagram. */
  weights: number[][][];
  steps: LayerStep[];
}

export function useForwardPass(
  ready: boolean,
  sizes: readonly number[],
  seed: number,
  inputs: readonly number[],
  activation: ForwardActivation,
): ForwardPassSnapshot | null {
  const [net, setNet] = useState<ForwardNetwork | null>(null);
  const [snapshot, setSnapshot] = useState<ForwardPassSnapshot | null>(null);
  const sizesKey = sizes.join(',');
  const inputsKey = inputs.join(',');

  useEffect(() => {
    if (!ready) return;
    const built = new ForwardNetwork(sizesKey.split(',').map(Number), seed);
    setNet(built);
    return () => {
      setNet((current) => (current === built ? null : current));
      built.dispose();
    };
  }, [ready, sizesKey, seed]);

  useEffect(() => {
    // A network replaced in this same commit is already disposed: wait for its successor.
    if (!net || net.disposed) return;
    const x = inputsKey === '' ? [] : inputsKey.split(',').map(Number);
    setSnapshot({ sizes: net.sizes, weights: net.parameters().map((p) => p.W), steps: net.run(x, activation) });
  }, [net, inputsKey, activation]);

  return snapshot;
}
