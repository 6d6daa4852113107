// A network that does not learn, and the reader as its doctor: train it, read what training shows
// (its prediction, the loss curve, each layer's gradient norm and active units, the inputs'
// statistics), pick the fault among four, and apply the fix to watch the same seed learn. Four
// numbered cases and a random one drawn from a number, so that a link brings any of them back.
import { useState } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, NumberField, Select } from '../../book/controls.tsx';
import { boolean, choice, integer, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { TrainingBar, type LossSeries } from '../kit/index.ts';
import { percent } from '../kit/format.ts';
import { caseIds, faults, MAX_CASE_SEED, MIN_CASE_SEED, POINTS, STEPS, WIDTH, type CaseId, type Fault } from '../../models/doctor/cases.ts';
import type { Evidence } from '../../models/doctor/diagnosis.ts';
import { DiagnosisPanel } from './DiagnosisPanel.tsx';
import { EvidencePanels, InputsTable } from './EvidencePanels.tsx';
import { doctorStrings as s } from './strings.ts';
import { useDoctorRun } from './useDoctorRun.ts';
import { accuracyText, lossText } from './verdictText.ts';
import './networkDoctor.css';

export const networkDoctorSchema = {
  case: choice(caseIds, '1', () => s.linkLabels.case),
  seed: integer({ min: MIN_CASE_SEED, max: MAX_CASE_SEED, default: 1, label: () => s.linkLabels.seed }),
  diagnosis: choice(['none', ...faults] as const, 'none', () => s.linkLabels.diagnosis),
  fixed: boolean(false, () => s.linkLabels.fixed),
};

export type NetworkDoctorProps = Partial<StateOf<typeof networkDoctorSchema>>;

/** The broken run as it was when the fix was applied: drawn beside the fixed one, and its end recalled. */
interface BrokenRun {
  evidence: Evidence;
  series: LossSeries;
}

export default function NetworkDoctor({ presenting = false, ...initial }: NetworkDoctorProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(networkDoctorSchema, initial);
  const { case: caseId, seed, diagnosis, fixed } = state;
  // Nothing trains until the reader asks: then each new case, and each fix, trains at once.
  const [asked, setAsked] = useState(false);
  const [broken, setBroken] = useState<BrokenRun | null>(null);
  const { setup, points, labels, job, evidence, finished } = useDoctorRun(caseId, seed, fixed, asked);
  const { training, view } = job;
  const run: LossSeries = { name: fixed ? s.lossFixed : s.lossRun, losses: training.losses, steps: training.lossSteps };
  const series = fixed && broken ? [{ ...broken.series, name: s.lossBroken }, run] : [run];

  const chooseCase = (next: CaseId, nextSeed = seed) => {
    setBroken(null);
    setAsked(true);
    setState({ case: next, seed: nextSeed, diagnosis: 'none', fixed: false });
  };
  const applyFix = () => {
    setBroken({ evidence, series: run });
    setAsked(true);
    setState({ fixed: true });
  };
  const unfix = () => {
    setBroken(null);
    setAsked(true);
    setState({ fixed: false });
  };

  return (
    <div className={presenting ? 'doc doc-presenting' : 'doc'}>
      <Controls presenting={presenting}>
        <Select label={s.caseLabel} value={caseId} options={caseIds.map((c) => ({ value: c, label: s.caseNames[c] }))} onChange={(c: CaseId) => chooseCase(c)} />
        {caseId === 'random' ? (
          <>
            <NumberField label={s.seedLabel} value={seed} min={MIN_CASE_SEED} max={MAX_CASE_SEED} integer onChange={(v) => chooseCase('random', v)} />
            <button type="button" className="doc-another" onClick={() => chooseCase('random', (seed % MAX_CASE_SEED) + 1)}>
              {s.anotherCase}
            </button>
          </>
        ) : null}
      </Controls>
      <p className="doc-setting">{fixed ? s.settingFixed : s.setting(s.setNames[setup.set], POINTS, WIDTH, STEPS)}</p>
      <TrainingBar job={job} presenting={presenting} detail={evidence.accuracy !== null ? s.accuracy(accuracyText(evidence.accuracy)) : null} />
      <EvidencePanels set={setup.set} points={points} labels={labels} surface={view?.surface ?? null} evidence={evidence} series={series} presenting={presenting} />
      <div className="doc-lower">
        <InputsTable inputs={evidence.inputs} />
        <div className="doc-judge">
          <DiagnosisPanel
            fault={setup.fault}
            choice={diagnosis}
            onChoose={(f: Fault) => setState({ diagnosis: f })}
            evidence={evidence}
            fixed={fixed}
            onFix={applyFix}
          />
          {fixed ? (
            <div className="doc-result" aria-live="polite">
              <p>{finished && evidence.accuracy !== null ? s.fixedResult(percent(evidence.accuracy, 0), evidence.steps, lossText(evidence.losses.at(-1) ?? Number.NaN)) : s.fixedRunning(STEPS)}</p>
              {broken ? <p>{broken.evidence.divergedAt !== null ? s.brokenDiverged(broken.evidence.divergedAt) : s.brokenResult(accuracyText(broken.evidence.accuracy), broken.evidence.steps, lossText(broken.evidence.losses.at(-1) ?? Number.NaN))}</p> : null}
              <button type="button" onClick={unfix}>
                {s.unfix}
              </button>
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}
