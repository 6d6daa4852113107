// The Lab's data: which set, how many classes, how noisy, how much of it to train on, the batch
// size and the draw's seed; with the reader's own points, a CSV box to paste or load them (bad rows
// listed with their line and reason, good rows all kept), a download and a clear.
import { type ChangeEvent, memo, useId, useState } from 'react';
import { NumberField, Select, Slider } from '../../book/controls.tsx';
import { parsePointsCsv, pointsToCsv } from '../../models/lab/csv.ts';
import { LAB_SETS, type LabData } from '../../models/lab/spec.ts';
import { hasClassCount, MAX_LINK_POINTS, pointsList, pointsOf, type LabState } from './labState.ts';
import { downloadText } from './clipboard.ts';
import { labStrings as s } from './strings.ts';

const MAX_ERRORS_SHOWN = 8;

export const DataPanel = memo(function DataPanel({ state, data, onState }: { state: LabState; data: LabData | null; onState: (update: Partial<LabState>) => void }) {
  const csvId = useId();
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<string[] | null>(null);
  const own = pointsOf(state);
  const trainCount = data?.train.length ?? 0;
  const testCount = data?.test.length ?? 0;

  const load = (text: string) => {
    const parsed = parsePointsCsv(text);
    const lines = [s.csvLoaded(parsed.points.length, parsed.errors.length), ...parsed.errors.slice(0, MAX_ERRORS_SHOWN).map((e) => s.csvRow(e.line, e.text, e.reason))];
    if (parsed.truncated) lines.push(s.csvTruncated(parsed.points.length));
    if (parsed.points.length > MAX_LINK_POINTS) lines.push(s.linkPoints(MAX_LINK_POINTS, parsed.points.length));
    setReport(lines);
    if (parsed.points.length > 0) onState({ set: 'own', points: pointsList(parsed.points) });
  };
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) void file.text().then((text) => {
      setCsv(text);
      load(text);
    });
  };
  const download = () => downloadText(pointsToCsv(own, data?.task ?? 'classification'), 'lab-points.csv', 'text/csv');

  return (
    <fieldset className="lab-panel lab-data">
      <legend>{s.dataHeading}</legend>
      <Select label={s.set} value={state.set} options={LAB_SETS.map((v) => ({ value: v, label: s.sets[v] }))} onChange={(set) => onState({ set })} />
      {hasClassCount(state.set) ? <Slider label={s.classes} value={state.classes} min={2} max={5} step={1} format={String} onChange={(v) => onState({ classes: Math.round(v) })} /> : null}
      {state.set === 'own' ? null : <Slider label={s.noise} value={state.noise} min={0} max={1} step={0.05} format={(v) => v.toFixed(2)} onChange={(noise) => onState({ noise })} />}
      <Slider label={s.train} value={state.train} min={0.1} max={0.9} step={0.05} format={(v) => s.trainValue(Math.round(v * 100))} onChange={(train) => onState({ train })} />
      <p className="lab-help">{data?.validation?.length ? s.splitCountsValidation(trainCount, data.validation.length, testCount) : s.splitCounts(trainCount, testCount)}</p>
      <Slider label={s.batch} value={state.batch} min={1} max={64} step={1} format={String} onChange={(v) => onState({ batch: Math.round(v) })} />
      {state.set === 'own' ? null : (
        <div className="lab-row">
          <NumberField label={s.dataSeed} value={state.dataSeed} min={1} max={99999} integer onChange={(dataSeed) => onState({ dataSeed })} />
          <button type="button" onClick={() => onState({ dataSeed: (state.dataSeed % 99999) + 1 })}>
            {s.newData}
          </button>
        </div>
      )}
      <details className="lab-csv" open={state.set === 'own' || undefined}>
        <summary>{s.csvSummary}</summary>
        <label htmlFor={csvId}>{s.csvLabel}</label>
        <textarea id={csvId} rows={4} value={csv} spellCheck={false} onChange={(e) => setCsv(e.target.value)} />
        <div className="lab-row">
          <button type="button" onClick={() => load(csv)} disabled={csv.trim() === ''}>
            {s.csvLoad}
          </button>
          <input type="file" accept=".csv,text/csv,text/plain" aria-label={s.csvFile} onChange={onFile} />
        </div>
        {report ? (
          <ul className="lab-report" role="status">
            {report.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        ) : null}
        {state.set === 'own' ? (
          <div className="lab-row">
            <span>{s.pointsCount(own.length)}</span>
            <button type="button" onClick={download} disabled={own.length === 0}>
              {s.csvDownload}
            </button>
            <button type="button" onClick={() => onState({ points: [] })} disabled={own.length === 0}>
              {s.clearPoints}
            </button>
          </div>
        ) : null}
      </details>
    </fieldset>
  );
});
