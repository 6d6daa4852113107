// Owns the deep network, its optimiser and data: the kit's training loop runs the steps and reads
// back the loss and every layer's gradient norm once a frame; the accuracy comes from one forward
// pass after a frame (throttled while running). Before the first step, the bars show the starting
// weights' gradients from one backward pass.
import { useMemo, useRef } from 'react';
import { data, type nn, type optim, type Tensor } from '../../engine/index.ts';
import { useTraining, useTrainingPicture, type Training } from '../kit/index.ts';
import { accuracyOf, buildDeepNet, deepStep, makeData, makeOptimizer, normsOf, startingNorms, type DeepSetup } from './deep.ts';

const STEPS_PER_FRAME = 4;
const ACCURACY_INTERVAL = 250;
/** A run stops here: long enough to see success or failure. */
export const MAX_STEPS = 3000;

export interface DeepLive {
  training: Training;
  /** ‖∂L/∂W‖ per layer at the starting weights. */
  norms: number[] | null;
  /** The same at the last step read back (null before the first step). */
  current: number[] | null;
  accuracy: number | null;
  error: string | null;
}

export function useVanishingGradients(ready: boolean, setup: DeepSetup): DeepLive {
  const { activation, depth, scale, seed } = setup;
  const live = useRef<{ model: nn.Sequential; x: Tensor; labels: number[] } | null>(null);
  const training = useTraining(
    ready
      ? () => {
          const { model, hidden } = buildDeepNet({ activation, depth, scale, seed });
          const start = model.stateDict();
          const set = makeData(seed);
          const { x, y } = data.toTensors(set);
          let opt: optim.SGD = makeOptimizer(model);
          live.current = { model, x, labels: set.y };
          return {
            step: () => deepStep(model, hidden, opt, x, y),
            keep: () => [model, x, y],
            onReset: () => {
              model.loadStateDict(start);
              opt.dispose();
              opt = makeOptimizer(model);
            },
            dispose: () => {
              if (live.current?.model === model) live.current = null;
              opt.dispose();
              model.dispose();
              x.dispose();
              y.dispose();
            },
          };
        }
      : null,
    [activation, depth, scale, seed],
    { stepsPerFrame: STEPS_PER_FRAME, maxSteps: MAX_STEPS },
  );

  const start = useMemo(() => {
    if (!ready) return { norms: null, error: null };
    try {
      return { norms: startingNorms({ activation, depth, scale, seed }), error: null };
    } catch (e) {
      return { norms: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [ready, activation, depth, scale, seed]);

  const snap = training.snapshot;
  const stepped = snap && snap.step > 0 ? normsOf(snap.metrics, depth) : null;
  const accuracy = useTrainingPicture(snap, () => (live.current ? accuracyOf(live.current.model, live.current.x, live.current.labels) : null), ACCURACY_INTERVAL);

  return { training, norms: start.norms, current: stepped, accuracy: snap && snap.state !== 'diverged' ? accuracy : null, error: start.error };
}
