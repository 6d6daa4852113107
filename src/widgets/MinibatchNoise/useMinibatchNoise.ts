// MinibatchNoise's state and engine work. The link holds the point (w, b), the batch size, the
// draw counter and whether the paths are shown; the 200 points and each draw of batches are plain
// numbers, made once; the engine computes the loss surface once, and at each (w, b) the gradients
// and the measured variances in one pass (gradients.ts), and the paths when they are shown.
import { useDeferredValue, useMemo } from 'react';
import { boolean, choice, integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useEngine } from '../kit/useEngine.ts';
import { descentPath, type Path } from './descent.ts';
import { measureGradients, type GradientPicture } from './gradients.ts';
import { B_RANGE, BATCH_SIZES, batchSizes, drawAllBatches, epochOrder, leastSquares, makeSample, PATH_STEPS, START, W_RANGE } from './problem.ts';
import { minibatchStrings as s } from './strings.ts';
import { lossSurface } from './surface.ts';

export const MAX_DRAW = 9999;

export const minibatchNoiseSchema = {
  w: number({ min: W_RANGE[0], max: W_RANGE[1], step: 0.01, default: START.w, label: () => s.linkLabels.w }),
  b: number({ min: B_RANGE[0], max: B_RANGE[1], step: 0.01, default: START.b, label: () => s.linkLabels.b }),
  batch: choice(BATCH_SIZES, '8', () => s.linkLabels.batch),
  draw: integer({ min: 0, max: MAX_DRAW, default: 0, label: () => s.linkLabels.draw }),
  paths: boolean(false, () => s.linkLabels.paths),
};

export type MinibatchNoiseState = StateOf<typeof minibatchNoiseSchema>;

/** The data and its least-squares line: the same for every reader, made when the module loads. */
export const SAMPLE = makeSample();
export const MINIMUM = leastSquares(SAMPLE);

export interface Paths {
  full: Path;
  mini: Path;
}

/** Runs an engine computation; a failure becomes a message rather than a broken figure. */
function attempt<T>(compute: () => T): { value: T | null; error: string | null } {
  try {
    return { value: compute(), error: null };
  } catch (e) {
    return { value: null, error: e instanceof Error ? e.message : String(e) };
  }
}

const finitePicture = (p: GradientPicture) => [p.loss, p.sigma2, ...p.full, ...p.variances, ...p.arrows.flat()].every(Number.isFinite);

export function useMinibatchNoise(initial: Partial<MinibatchNoiseState>) {
  const engine = useEngine();
  const [state, setState] = useWidgetState(minibatchNoiseSchema, initial);
  const batch = Number(state.batch);
  const chosen = batchSizes.indexOf(batch);

  const batches = useMemo(() => drawAllBatches(state.draw), [state.draw]);
  const surface = useMemo(() => (engine.ready ? attempt(() => lossSurface(SAMPLE)) : null), [engine.ready]);
  const measured = useMemo(() => {
    if (!engine.ready) return null;
    const r = attempt(() => measureGradients(SAMPLE, state.w, state.b, batches, chosen));
    return r.value && !finitePicture(r.value) ? { value: null, error: s.notFinite } : r;
  }, [engine.ready, state.w, state.b, batches, chosen]);

  // The paths take a few more engine steps than a frame allows on a slow backend: while the point is
  // dragged they may trail it by a frame, and the arrows stay immediate.
  const startW = useDeferredValue(state.w);
  const startB = useDeferredValue(state.b);
  const paths = useMemo(() => {
    if (!engine.ready || !state.paths) return null;
    const start = { w: startW, b: startB };
    return attempt<Paths>(() => ({
      full: descentPath(SAMPLE, start, null, PATH_STEPS),
      mini: descentPath(SAMPLE, start, epochOrder(PATH_STEPS, batch, state.draw), PATH_STEPS),
    }));
  }, [engine.ready, state.paths, startW, startB, batch, state.draw]);

  const error = engine.error ?? surface?.error ?? measured?.error ?? paths?.error ?? null;
  return {
    engine,
    state,
    setState,
    batch,
    chosen,
    surface: surface?.value ?? null,
    picture: measured?.value ?? null,
    paths: paths?.value ?? null,
    error,
    newBatches: () => setState((st) => ({ draw: st.draw >= MAX_DRAW ? 0 : st.draw + 1 })),
    toMinimum: () => setState({ w: MINIMUM.w, b: MINIMUM.b }),
  };
}
