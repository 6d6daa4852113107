// Live training for a widget whose model is built on the page by hand: the engine's TrainingLoop
// (several steps per frame, one read-back per frame, divergence as a state) with React state holding
// only plain numbers. `setup` builds the model, optimiser and data once the engine is ready and again
// whenever `deps` change; its `dispose` frees them when the widget unmounts or rebuilds. Figures
// written today use a job and useTrainingJob (./training/useTrainingJob.ts) instead; this hook
// remains for the character model's page-thread loop until it moves onto that path.
import { useCallback, useEffect, useRef, useState } from 'react';
import { TrainingLoop, type StepResult, type Tensor, type TrainingSnapshot } from '../../engine/index.ts';
import type { StateDictHolder } from '../../engine/residents.ts';
import { LossHistory } from '../../models/training/history.ts';
import type { Training } from './training/useTrainingJob.ts';

export type { Training };

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
  /** Most loss points kept for the curve; older ones are thinned (default 400). */
  historyLimit?: number;
}

export function useTraining(setup: (() => TrainingSetup) | null, deps: readonly unknown[], options: TrainingOptions = {}): Training {
  const { stepsPerFrame = 1, maxSteps, divergenceFactor, historyLimit } = options;
  const loopRef = useRef<TrainingLoop | null>(null);
  const [snapshot, setSnapshot] = useState<TrainingSnapshot | null>(null);
  const [history, setHistory] = useState<{ losses: number[]; steps: number[] }>({ losses: [], steps: [] });
  const setupRef = useRef(setup);
  setupRef.current = setup;

  useEffect(() => {
    const make = setupRef.current;
    if (!make) return;
    const built = make();
    const history = new LossHistory(historyLimit);
    const loop = new TrainingLoop({
      step: built.step,
      keep: built.keep,
      onReset: () => {
        built.onReset?.();
        history.clear();
        setHistory({ losses: [], steps: [] });
      },
      stepsPerFrame,
      maxSteps,
      divergenceFactor,
      onFrame: (snap) => {
        history.recordFrame(snap.step, snap.frameLosses);
        const curve = history.curve();
        setSnapshot(snap);
        setHistory({ losses: curve.values, steps: curve.steps });
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
