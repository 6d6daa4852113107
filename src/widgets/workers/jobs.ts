// The training jobs the worker script runs by name: each a job definition (src/models/training/
// job.ts) that the one training core runs. A figure that trains a job with `where: 'worker'` names
// it here; its page falls back to the same definition on its own thread where no worker starts.
import { augmentationJob } from '../../models/generalisation/augmentation/augmentationJob.ts';
import { charJob } from '../../models/charLstm/charJob.ts';
import { doctorJob } from '../../models/doctor/doctorJob.ts';
import { labJob } from '../../models/lab/labJob.ts';
import { mnistJob } from '../../models/mnist/mnistJob.ts';
import { randomLabelsJob } from '../../models/generalisation/randomLabels/randomLabelsJob.ts';
import { residualJob } from '../../models/residual/residualJob.ts';
import type { AnyJobDefinition } from '../../models/training/job.ts';
import { sequenceJob } from '../../models/sequence/sequenceJob.ts';

const jobs: readonly AnyJobDefinition[] = [
  sequenceJob,
  mnistJob,
  charJob,
  labJob,
  residualJob,
  doctorJob,
  randomLabelsJob,
  augmentationJob,
];

const byName = new Map(jobs.map((job) => [job.name, job]));

/** The job called `name`, or undefined where there is none. */
export function workerJob(name: string): AnyJobDefinition | undefined {
  return byName.get(name);
}
