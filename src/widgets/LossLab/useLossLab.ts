// LossLab's engine side: the data tensors, the model and its optimiser (rebuilt when the data set
// or the loss changes, disposed on unmount), the training loop, the decision surface and accuracy
// after every frame, and the last run of each loss kept as plain numbers for the comparison.
import { useEffect, useMemo, useRef, useState } from 'react';
import { choice, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useEngine } from '../kit/useEngine.ts';
import { useTraining, type TrainingSetup } from '../kit/useTraining.ts';
import type { Tensor } from '../../engine/index.ts';
import {
  accuracy,
  createLabModel,
  DEFAULT_LR,
  DIVERGENCE_FACTOR,
  evaluate,
  gridTensor,
  LAB_DATASETS,
  LAB_LOSSES,
  labDataset,
  labTensors,
  LR_RANGE,
  MAX_STEPS,
  surfaceValues,
  trainingStep,
  type LabLoss,
  type LabModel,
  type LabTensors,
} from './lab.ts';

export const lossLabSchema = {
  dataset: choice(LAB_DATASETS, 'gaussians', 'data set'),
  loss: choice(LAB_LOSSES, 'crossEntropy'),
  lr: number({ min: LR_RANGE[0], max: LR_RANGE[1], default: DEFAULT_LR, label: 'learning rate' }),
};

export type LossLabProps = Partial<StateOf<typeof lossLabSchema>>;

export interface Run {
  losses: number[];
  steps: number[];
  accuracy: number | null;
}

const STEPS_PER_FRAME = 4;

export function useLossLab(initial: LossLabProps) {
  const engine = useEngine();
  const [state, setState] = useWidgetState(lossLabSchema, initial);
  const set = useMemo(() => labDataset(state.dataset), [state.dataset]);

  // The objects the loop's setup builds, for evaluation between frames.
  const live = useRef<{ lab: LabModel; t: LabTensors; grid: Tensor } | null>(null);
  const rate = useRef(state.lr);
  rate.current = state.lr;

  const setup = engine.ready
    ? (): TrainingSetup => {
        const t = labTensors(set);
        const grid = gridTensor();
        const objects = { lab: createLabModel(rate.current), t, grid };
        live.current = objects;
        return {
          step: () => trainingStep(objects.lab, t, state.loss),
          keep: () => [objects.lab.model, objects.lab.optimizer, t.x, t.y01, t.yPm1, grid],
          onReset: () => {
            objects.lab.dispose();
            objects.lab = createLabModel(rate.current);
          },
          dispose: () => {
            if (live.current === objects) live.current = null;
            objects.lab.dispose();
            t.dispose();
            grid.dispose();
          },
        };
      }
    : null;

  const training = useTraining(setup, [state.dataset, state.loss], { stepsPerFrame: STEPS_PER_FRAME, divergenceFactor: DIVERGENCE_FACTOR, maxSteps: MAX_STEPS });
  const { snapshot } = training;

  // The rate may change mid-run: the optimiser reads it at its next step.
  useEffect(() => {
    if (live.current) live.current.lab.optimizer.lr = state.lr;
  }, [state.lr]);

  // After every frame (and after a reset or rebuild): the surface and the accuracy.
  const [view, setView] = useState<{ surface: number[]; accuracy: number } | null>(null);
  useEffect(() => {
    const objects = live.current;
    if (!engine.ready || !objects || snapshot?.state === 'diverged') return;
    const { scores, gridScores } = evaluate(objects.lab, objects.t, objects.grid);
    if (scores.some((v) => !Number.isFinite(v))) return;
    setView({ surface: surfaceValues(gridScores), accuracy: accuracy(scores, set.y) });
  }, [engine.ready, snapshot, set]);

  // The last run of each loss, on this data set.
  const [runs, setRuns] = useState<Partial<Record<LabLoss, Run>>>({});
  useEffect(() => setRuns({}), [state.dataset]);
  useEffect(() => {
    if (training.losses.length === 0) return;
    setRuns((r) => ({ ...r, [state.loss]: { losses: training.losses, steps: training.lossSteps, accuracy: view?.accuracy ?? null } }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [training.losses, view]);

  return { engine, state, setState, set, training, view, runs };
}
