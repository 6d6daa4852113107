// LossLab's state: the schema (what a shared link holds), the training job for the chosen data set
// and loss with the learning rate as its one live setting, and the last run of each loss on this
// data set, kept as plain numbers for the comparison.
import { useEffect, useMemo, useState } from 'react';
import { choice, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { lossLabStrings as s } from './strings.ts';
import { useTrainingJob } from '../kit/training/useTrainingJob.ts';
import { DEFAULT_LR, LAB_DATASETS, LAB_LOSSES, LAB_SEED, labDataset, LR_RANGE, type LabLoss } from './lab.ts';
import { lossLabJob } from './lossLabJob.ts';

export const lossLabSchema = {
  dataset: choice(LAB_DATASETS, 'gaussians', () => s.linkLabels.dataset),
  loss: choice(LAB_LOSSES, 'crossEntropy', () => s.linkLabels.loss),
  lr: number({ min: LR_RANGE[0], max: LR_RANGE[1], default: DEFAULT_LR, label: () => s.linkLabels.lr }),
};

export type LossLabProps = Partial<StateOf<typeof lossLabSchema>>;

export interface Run {
  losses: number[];
  steps: number[];
  accuracy: number | null;
}

export function useLossLab(initial: LossLabProps) {
  const [state, setState] = useWidgetState(lossLabSchema, initial);
  const set = useMemo(() => labDataset(state.dataset), [state.dataset]);
  const job = useTrainingJob(lossLabJob, { config: { dataset: state.dataset, loss: state.loss }, live: { lr: state.lr }, seed: LAB_SEED });
  const { training, view } = job;

  // The last run of each loss, on this data set.
  const [runs, setRuns] = useState<Partial<Record<LabLoss, Run>>>({});
  useEffect(() => setRuns({}), [state.dataset]);
  useEffect(() => {
    if (training.losses.length === 0) return;
    setRuns((r) => ({ ...r, [state.loss]: { losses: training.losses, steps: training.lossSteps, accuracy: view?.accuracy ?? null } }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filed when a new curve arrives, under the loss chosen now
  }, [training.losses, view]);

  return { state, setState, set, job, view, runs };
}
