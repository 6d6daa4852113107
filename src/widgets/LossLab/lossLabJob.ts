// LossLab as a training job: the data tensors, the grid, the model and its optimiser, built for a
// data set and a loss; the learning rate is live (the optimiser reads it at its next step). Its
// picture is the decision surface and the accuracy, from one forward pass over points and grid.
import type { JobDefinition } from '../../models/training/job.ts';
import { accuracy, createLabModel, DIVERGENCE_FACTOR, evaluate, gridTensor, labDataset, labTensors, MAX_STEPS, surfaceValues, trainingStep, type LabDataset, type LabLoss } from './lab.ts';

export interface LossLabConfig {
  dataset: LabDataset;
  loss: LabLoss;
}

export interface LossLabLive {
  lr: number;
}

export interface LossLabView {
  /** σ(score) on the grid (the HeatMap's layout). */
  surface: number[];
  accuracy: number;
}

export const lossLabJob: JobDefinition<LossLabConfig, LossLabLive, LossLabView> = {
  name: 'loss-lab',
  maxSteps: MAX_STEPS,
  divergenceFactor: DIVERGENCE_FACTOR,
  maxStepsPerTick: 4,
  build({ dataset, loss }, { seed, live }) {
    const set = labDataset(dataset);
    const t = labTensors(set);
    const grid = gridTensor();
    const lab = createLabModel(live.lr, seed);
    return {
      step: () => trainingStep(lab, t, loss),
      keep: () => [lab.model, lab.optimizer, t.x, t.y01, t.yPm1, grid],
      setLive: (next) => {
        lab.optimizer.lr = next.lr;
      },
      view: () => {
        const { scores, gridScores } = evaluate(lab, t, grid);
        if (scores.some((v) => !Number.isFinite(v))) return null;
        return { surface: surfaceValues(gridScores), accuracy: accuracy(scores, set.y) };
      },
      dispose() {
        lab.dispose();
        t.dispose();
        grid.dispose();
      },
    };
  },
};
