// The network doctor's run: the case's network trained in the worker, and what the page needs to
// show and judge it, as plain numbers: the points, the inputs' statistics, the last step's
// measures (gradient norms, active units, accuracy) and the evidence the diagnosis reads.
import { useMemo } from 'react';
import type { LoopStop } from '../../engine/index.ts';
import { useTrainingJob } from '../kit/index.ts';
import { doctorCase, type CaseId } from '../../models/doctor/cases.ts';
import type { Evidence } from '../../models/doctor/diagnosis.ts';
import { doctorJob } from '../../models/doctor/doctorJob.ts';
import { doctorData, featureStats, inputMap } from '../../models/doctor/network.ts';

/** The last step's measures from the snapshot's metrics, or null where any is missing (or not finite). */
function measures(metrics: Record<string, number> | undefined) {
  const read = (keys: string[]) => {
    const values = keys.map((k) => metrics?.[k]);
    return values.every((v): v is number => v !== undefined && Number.isFinite(v)) ? values : null;
  };
  const accuracy = read(['accuracy']);
  return { grads: read(['grad1', 'grad2', 'grad3']), active: read(['active1', 'active2']), accuracy: accuracy ? accuracy[0] : null };
}

/** The step a diverged run stopped at: the stop's own, or the step after the last one kept. */
function divergedStep(stop: LoopStop | null, step: number): number {
  return stop && 'step' in stop ? stop.step : step + 1;
}

export function useDoctorRun(caseId: CaseId, seed: number, fixed: boolean, autoplay: boolean) {
  const setup = useMemo(() => doctorCase(caseId, seed), [caseId, seed]);
  const { points, labels } = useMemo(() => doctorData(setup), [setup]);
  const inputs = useMemo(() => featureStats(points.map(inputMap(points, !fixed && setup.fault === 'inputs'))), [points, fixed, setup.fault]);
  const job = useTrainingJob(doctorJob, { config: { fault: setup.fault, set: setup.set, fixed }, seed: setup.seed, where: 'worker', autoplay });
  const { training } = job;
  const snap = training.snapshot;
  const measured = measures(snap && snap.step > 0 ? snap.metrics : undefined);
  const evidence: Evidence = {
    steps: snap?.step ?? 0,
    divergedAt: snap?.state === 'diverged' ? divergedStep(snap.stop, snap.step) : null,
    losses: training.losses,
    lossSteps: training.lossSteps,
    grads: measured.grads,
    active: measured.active,
    accuracy: measured.accuracy,
    inputs,
  };
  const finished = job.maxSteps !== null && evidence.steps >= job.maxSteps;
  return { setup, points, labels, job, evidence, finished };
}
