// The reader's diagnosis: four choices in a native radio group (arrow keys move between them), then
// the verdict read from the evidence. A right choice says why, in two sentences, and offers the
// fix; a wrong one names the fact of the evidence that argues against it, never the answer.
import { useId } from 'react';
import { faults, type Fault } from '../../models/doctor/cases.ts';
import { EVIDENCE_STEPS, judge, type Evidence } from '../../models/doctor/diagnosis.ts';
import { doctorStrings as s } from './strings.ts';
import { fixLabel, objectionText, whyText } from './verdictText.ts';

export type Choice = Fault | 'none';

interface DiagnosisPanelProps {
  fault: Fault;
  choice: Choice;
  onChoose: (choice: Fault) => void;
  /** The evidence judged: the run's so far. */
  evidence: Evidence;
  fixed: boolean;
  onFix: () => void;
}

export function DiagnosisPanel({ fault, choice, onChoose, evidence, fixed, onFix }: DiagnosisPanelProps) {
  const name = useId();
  // Once fixed, the diagnosis is made: the choices rest and the fix's result takes the verdict's place.
  const verdict = !fixed && choice !== 'none' ? judge(fault, choice, evidence) : null;
  return (
    <div className="doc-diagnosis">
      <fieldset className="doc-choices" disabled={fixed}>
        <legend>{s.diagnosisLegend}</legend>
        {faults.map((f) => (
          <label key={f} className="doc-choice">
            <input type="radio" name={name} value={f} checked={choice === f} onChange={() => onChoose(f)} /> {s.faultNames[f]}
          </label>
        ))}
      </fieldset>
      <div className="doc-verdict" aria-live="polite">
        {verdict?.kind === 'wait' ? <p>{s.wait(EVIDENCE_STEPS)}</p> : null}
        {verdict?.kind === 'right' ? (
          <>
            <p>
              <strong className="doc-right">{s.right}</strong> {whyText(fault, verdict.facts)}
            </p>
            <button type="button" className="doc-fix" onClick={onFix}>
              {fixLabel(fault)}
            </button>
          </>
        ) : null}
        {verdict?.kind === 'wrong' ? (
          <p>
            <strong className="doc-wrong">{s.wrong}</strong> {objectionText(verdict.objection, verdict.facts, evidence)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
