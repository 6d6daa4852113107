// CrossEntropyByHand's state (logits and true class, in the link) and the steps, recomputed by
// the engine whenever they change.
import { useMemo } from 'react';
import { integer, numberList, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useEngine } from '../kit/useEngine.ts';
import { crossEntropySteps, formulaGradient, LOGIT_RANGE, MAX_CLASSES, MIN_CLASSES, maxDifference, sanitize } from './crossEntropy.ts';
import { crossEntropyStrings as s } from './strings.ts';

export const crossEntropyByHandSchema = {
  logits: numberList({ minLength: MIN_CLASSES, maxLength: MAX_CLASSES, min: LOGIT_RANGE[0], max: LOGIT_RANGE[1], default: [2, 1, -1], label: () => s.linkLabels.logits }),
  target: integer({ min: 0, max: MAX_CLASSES - 1, default: 0, label: () => s.linkLabels.target }),
};

export type CrossEntropyByHandProps = Partial<StateOf<typeof crossEntropyByHandSchema>>;

export function useCrossEntropyByHand(initial: CrossEntropyByHandProps) {
  const engine = useEngine();
  const [state, setState] = useWidgetState(crossEntropyByHandSchema, initial);
  const { logits, target } = sanitize(state.logits, state.target);
  const key = logits.join(',');
  const steps = useMemo(
    () => (engine.ready ? crossEntropySteps(logits, target) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the logits by their joined key, not the array identity
    [engine.ready, key, target],
  );
  const formula = steps ? formulaGradient(steps.probs, target) : null;
  const difference = steps && formula ? maxDifference(steps.gradient, formula) : null;

  const setLogit = (j: number, v: number) => setState({ logits: logits.map((z, i) => (i === j ? v : z)) });
  const addClass = () => {
    if (logits.length < MAX_CLASSES) setState({ logits: [...logits, 0] });
  };
  const removeClass = () => {
    if (logits.length > MIN_CLASSES) setState({ logits: logits.slice(0, -1), target: Math.min(target, logits.length - 2) });
  };
  const setTarget = (t: number) => setState({ target: Math.min(logits.length - 1, Math.max(0, t)) });
  return { engine, logits, target, steps, formula, difference, setLogit, addClass, removeClass, setTarget };
}
