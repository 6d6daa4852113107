// Live training for a widget: the engine's TrainingLoop (several steps per frame, one read-back per
// frame, divergence as a state) with React state holding only plain numbers. `setup` builds the
// model, optimiser and data once the engine is ready and again whenever `deps` change; its
// `dispose` frees them when the widget unmounts or rebuilds.
import { useCallback, useEffect, useRef, useState } from 'react';
import { TrainingLoop, type StepResult, type Tensor, type TrainingSnapshot } from '../../engine/index.ts';
import type { StateDictHolder } from '../../engine/residents.ts';

export interface TrainingSetup {
  /** One step: forward, backward, update; returns `{ loss, ...metrics }` (runs inside tidy). */
  step: (stepIndex: number) => StepResult;
  /** What survives a change of backend (models, optimisers, data tensors). */
  keep?: () => (StateDictHolder | Tensor)[];
  /** Re-initialise the model (the loop's reset). */
  onReset?: () => void;
  /** Frees every tensor the setup made. */
  dispose: () => void;
}

export interface TrainingOptions {
  stepsPerFrame?: number;
  maxSteps?: number;
  divergenceFactor?: number;
  /** Most loss points kept for the curve; older ones are thinned (default 600). */
  historyLimit?: number;
}

export interface Training {
  snapshot: TrainingSnapshot | null;
  /** Loss per step read back (thinned to `historyLimit`, each point the loss of one step). */
  losses: number[];
  /** The step index of each point in `losses`. */
  lossSteps: number[];
  running: boolean;
  play: () => void;
  pause: () => void;
  stepOnce: () => void;
  reset: () => void;
}

/** Halves the history (every other point) once it is over the limit. */
function thin(values: number[], steps: number[], limit: number): void {
  if (values.length <= limit) return;
  const keep = (_: number, i: number) => i % 2 === 0 || i === values.length - 1;
  const v = values.filter(keep);
  const s = steps.filter(keep);
  values.splice(0, values.length, ...v);
  steps.splice(0, steps.length, ...s);
}

export function useTraining(setup: (() => TrainingSetup) | null, deps: readonly unknown[], options: TrainingOptions = {}): Training {
  const { stepsPerFrame = 1, maxSteps, divergenceFactor, historyLimit = 600 } = options;
  const loopRef = useRef<TrainingLoop | null>(null);
  const [snapshot, setSnapshot] = useState<TrainingSnapshot | null>(null);
  const [history, setHistory] = useState<{ losses: number[]; steps: number[] }>({ losses: [], steps: [] });
  const setupRef = useRef(setup);
  setupRef.current = setup;

  useEffect(() => {
    const make = setupRef.current;
    if (!make) return;
    const built = make();
    const losses: number[] = [];
    const steps: number[] = [];
    let stride = 1;
    const loop = new TrainingLoop({
      step: built.step,
      keep: built.keep,
      onReset: () => {
        built.onReset?.();
        losses.length = 0;
        steps.length = 0;
        stride = 1;
        setHistory({ losses: [], steps: [] });
      },
      stepsPerFrame,
      maxSteps,
      divergenceFactor,
      onFrame: (snap) => {
        const first = snap.step - snap.frameLosses.length + 1;
        snap.frameLosses.forEach((loss, i) => {
          const at = first + i;
          if (at % stride === 0 || losses.length === 0) {
            losses.push(loss);
            steps.push(at);
          }
        });
        if (losses.length > historyLimit) {
          thin(losses, steps, historyLimit);
          stride *= 2;
        }
        setSnapshot(snap);
        setHistory({ losses: losses.slice(), steps: steps.slice() });
      },
    });
    loopRef.current = loop;
    setSnapshot(loop.snapshot());
    setHistory({ losses: [], steps: [] });
    return () => {
      loopRef.current = null;
      void loop.dispose().finally(() => built.dispose());
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [setup === null, ...deps]);

  useEffect(() => {
    loopRef.current?.setStepsPerFrame(stepsPerFrame);
  }, [stepsPerFrame]);

  const play = useCallback(() => loopRef.current?.play(), []);
  const pause = useCallback(() => loopRef.current?.pause(), []);
  const stepOnce = useCallback(() => void loopRef.current?.stepOnce(), []);
  const reset = useCallback(() => void loopRef.current?.reset(), []);
  return {
    snapshot,
    losses: history.losses,
    lossSteps: history.steps,
    running: snapshot?.state === 'running',
    play,
    pause,
    stepOnce,
    reset,
  };
}

/**
 * A picture of the model (a decision surface, hidden units' surfaces) drawn after training frames:
 * at most every `intervalMs` while training runs, since each costs a forward pass and an image, and
 * always after a pause, a step or a reset, so the last picture matches the last step. Nothing is
 * drawn once a run has diverged or failed. `draw` returns null while there is no model yet.
 */
export function useTrainingPicture<T>(snapshot: TrainingSnapshot | null, draw: () => T | null, intervalMs: number, deps: readonly unknown[] = []): T | null {
  const [picture, setPicture] = useState<T | null>(null);
  const last = useRef(-Infinity);
  const drawRef = useRef(draw);
  drawRef.current = draw;
  useEffect(() => {
    if (!snapshot || snapshot.state === 'diverged' || snapshot.state === 'failed') return;
    const now = performance.now();
    if (snapshot.state === 'running' && now - last.current < intervalMs) return;
    const next = drawRef.current();
    if (next === null) return;
    last.current = now;
    setPicture(next);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot, intervalMs, ...deps]);
  return picture;
}
