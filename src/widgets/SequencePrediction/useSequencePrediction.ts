// SequencePrediction's state: the schema (what a shared link holds), the series the figure draws
// (the same pure function the job builds its training windows from), and the training job, which
// runs in a worker: a GRU step takes tens of milliseconds on a CPU, too long for the page's frames.
import { useMemo } from 'react';
import { boolean, integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { sequenceStrings as s } from './strings.ts';
import { useTrainingJob } from '../kit/training/useTrainingJob.ts';
import { FREQUENCY_RANGE, makeSeries, NOISE_RANGE } from '../../models/sequence/sequence.ts';
import { sequenceJob } from '../../models/sequence/sequenceJob.ts';

export const sequenceSchema = {
  frequency: number({ min: FREQUENCY_RANGE[0], max: FREQUENCY_RANGE[1], default: 0.25, label: () => s.linkLabels.frequency }),
  noise: number({ min: NOISE_RANGE[0], max: NOISE_RANGE[1], default: 0, label: () => s.linkLabels.noise }),
  twoSines: boolean(false, () => s.linkLabels.twoSines),
  seed: integer({ min: 1, max: 9999, default: 1, label: () => s.linkLabels.seed }),
};

export type SequencePredictionProps = Partial<StateOf<typeof sequenceSchema>>;

export function useSequencePrediction(initial: SequencePredictionProps) {
  const [state, setState] = useWidgetState(sequenceSchema, initial);
  const { frequency, noise, twoSines, seed } = state;
  const series = useMemo(() => makeSeries({ frequency, noise, twoSines, seed }), [frequency, noise, twoSines, seed]);
  const job = useTrainingJob(sequenceJob, { config: { frequency, noise, twoSines }, seed, where: 'worker' });
  return { state, setState, series, job };
}
