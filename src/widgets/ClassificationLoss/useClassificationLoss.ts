// ClassificationLoss's state and engine work: p (in the link), the curves over z (computed once
// by the engine) and the losses and gradients at the current z (recomputed as p moves).
import { useMemo } from 'react';
import { number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useEngine } from '../kit/useEngine.ts';
import { clampP, logistic, logit, lossesAndGradients, P_RANGE, Z_RANGE, zGrid } from './classification.ts';
import { classificationStrings as s } from './strings.ts';

export const classificationLossSchema = {
  p: number({ min: P_RANGE[0], max: P_RANGE[1], default: 0.3, label: () => s.linkLabels.p }),
};

export type ClassificationLossProps = Partial<StateOf<typeof classificationLossSchema>>;

export function useClassificationLoss(initial: ClassificationLossProps) {
  const engine = useEngine();
  const [state, setState] = useWidgetState(classificationLossSchema, initial);
  const p = clampP(state.p);
  const z = Math.min(Z_RANGE[1], Math.max(Z_RANGE[0], logit(p)));
  const curves = useMemo(() => (engine.ready ? lossesAndGradients(zGrid()) : null), [engine.ready]);
  const here = useMemo(() => (engine.ready ? lossesAndGradients([z]) : null), [engine.ready, z]);
  const setP = (v: number) => setState({ p: clampP(Number(v.toPrecision(6))) });
  const setZ = (v: number) => setState({ p: clampP(Number(logistic(v).toPrecision(6))) });
  return {
    engine,
    p,
    z,
    curves,
    here: here ? { bce: here.bce[0], mse: here.mse[0], bceGrad: here.bceGrad[0], mseGrad: here.mseGrad[0] } : null,
    setP,
    setZ,
  };
}
