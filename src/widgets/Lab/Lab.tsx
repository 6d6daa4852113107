// The Lab: a neural-network playground. The reader picks data (or draws their own), the inputs,
// the layers (units, activation, dropout each), the loss, the optimiser and a penalty, and trains
// live in the worker; the output over the plane, every unit's own map, the weights as lines, and
// the training and test losses follow. The whole state is the widget's link; an instructor can
// hide parts of it; presets pose questions; the network exports as JSON, PyTorch, Keras or NumPy.
import { useCallback, useId, useMemo, useState } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { makeLabData, ownDataProblem } from '../../models/lab/data.ts';
import { labJob, type LabStopping } from '../../models/lab/labJob.ts';
import { outputUnits } from '../../models/lab/spec.ts';
import { LossCurve, TrainingBar, useTrainingJob } from '../kit/index.ts';
import { shortNumber, significant } from '../kit/format.ts';
import { DataPanel } from './DataPanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { LayerList } from './LayerList.tsx';
import { hiddenParts, labConfig, labLive, labSchema, pointsOf, type LabState } from './labState.ts';
import { NetworkDiagram, type UnitAddress } from './NetworkDiagram.tsx';
import { OutputPanel } from './OutputPanel.tsx';
import { PresetBar } from './PresetBar.tsx';
import { presets, type PresetName } from './presets.ts';
import { SharePanel } from './SharePanel.tsx';
import { labStrings as s } from './strings.ts';
import { TrainingPanel } from './TrainingPanel.tsx';
import './lab.css';

export { labSchema };
export type LabProps = Partial<StateOf<typeof labSchema>>;

/** Where early stopping stands, in a sentence. */
function stoppingText(stop: LabStopping): string {
  if (stop.bestEpoch === null || stop.bestLoss === null) return s.stoppingWaiting(stop.patience);
  const loss = significant(stop.bestLoss, 3, { trailingZeros: true });
  return stop.stoppedAt === null ? s.stoppingWatch(stop.bestEpoch, loss, stop.waited, stop.patience) : s.stoppingDone(stop.stoppedAt, stop.bestEpoch, loss);
}

/** A chapter's props over its preset's values: `<Lab preset="overfit" hide_export />`. */
function startState(initial: LabProps): LabProps {
  const preset = initial.preset && initial.preset !== 'none' ? presets[initial.preset] : {};
  return { ...preset, ...initial };
}

export default function Lab({ presenting, ...initial }: LabProps & WidgetRenderProps) {
  const [start] = useState(() => startState(initial));
  const [state, setState] = useWidgetState(labSchema, start);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [inspected, setInspected] = useState<UnitAddress | null>(null);
  const settingsId = useId();
  const hidden = useMemo(() => hiddenParts(state), [state]);
  const config = useMemo(() => labConfig(state), [state]);
  const live = labLive(state);
  const own = state.set === 'own' ? pointsOf(state) : [];
  const problem = state.set === 'own' ? ownDataProblem(own) : null;
  // The page draws the same points as the job (same description, same seed) to plot them.
  const data = useMemo(() => (problem ? null : makeLabData(config.data)), [config.data, problem]);
  // A change that builds a new network while training runs goes on training it (as a reader who
  // moves a setting mid-run expects); a paused or stopped run stays paused.
  const [wasRunning, setWasRunning] = useState(false);
  const job = useTrainingJob(labJob, { config: problem ? null : config, live, seed: state.seed, where: 'worker', autoplay: wasRunning });
  if (job.training.running !== wasRunning) setWasRunning(job.training.running);
  const view = job.view;
  const outputs = data ? outputUnits(data) : 1;
  const epoch = view ? s.epochs(shortNumber(view.epoch)) : null;
  const unitValues = inspected ? view?.units[inspected.layer]?.[inspected.unit] : undefined;
  const pointedUnit = inspected && unitValues ? { values: unitValues, name: s.unitLabel(inspected.layer + 1, inspected.unit + 1) } : null;

  const applyPreset = useCallback((name: PresetName | 'none') => {
    if (name === 'none') return setState({ preset: 'none' });
    const defaults = Object.fromEntries(Object.entries(labSchema).map(([k, f]) => [k, f.default])) as LabState;
    const keepHidden = Object.fromEntries(Object.keys(labSchema).filter((k) => k.startsWith('hide_')).map((k) => [k, state[k as keyof LabState]]));
    setState({ ...defaults, ...presets[name], ...keepHidden, preset: name, seed: state.seed });
  }, [state, setState]);
  // Stable between pictures, so the settings panels (memo) are not drawn again at every snapshot.
  const update = setState;

  return (
    <div className={presenting ? 'lab lab-presenting fig-own-layout' : 'lab fig-own-layout'}>
      {hidden.has('presets') ? null : <PresetBar preset={state.preset} onPick={applyPreset} />}
      <div className={settingsOpen ? 'lab-grid lab-drawer-open' : 'lab-grid'}>
        <section className="lab-output" aria-label={s.outputHeading}>
          <OutputPanel state={state} data={data} view={view} step={job.training.snapshot?.step ?? 0} presenting={presenting ?? false} onPoints={(points) => update({ points })} unit={pointedUnit} />
          {problem ? (
            <p className="lab-notice" role="status">
              {problem}
            </p>
          ) : null}
        </section>
        <section className="lab-run" aria-label={s.trainingHeading}>
          <TrainingBar
            job={job}
            presenting={presenting}
            detail={epoch}
            advice={s.divergedAdvice}
            recovery={{ label: s.saferRate, onClick: () => update({ lr: Math.max(labSchema.lr.min, Number((state.lr / 10).toPrecision(2))) }) }}
          >
            <button type="button" title={s.newSeedHint} onClick={() => update({ seed: (state.seed % 99999) + 1 })}>
              {s.newSeed}
            </button>
          </TrainingBar>
        </section>
        <section className="lab-curves" aria-label={s.lossTitle}>
          <LossCurve
            series={[
              { name: s.trainSeries, losses: view?.trainCurve.values ?? [], steps: view?.trainCurve.steps },
              { name: s.testSeries, losses: view?.testCurve.values ?? [], steps: view?.testCurve.steps },
              ...(view?.validationCurve ? [{ name: s.validationSeries, losses: view.validationCurve.values, steps: view.validationCurve.steps }] : []),
            ]}
            width={presenting ? 540 : 360}
            height={presenting ? 240 : 170}
            log
            title={s.lossTitle}
          />
          {view?.stopping ? <p className="lab-help" role="status">{stoppingText(view.stopping)}</p> : null}
        </section>
        <section className="lab-network" aria-label={s.networkHeading}>
          <NetworkDiagram state={state} outputs={outputs} view={view} presenting={presenting ?? false} canToggleFeatures={!hidden.has('features')} onState={update} onSetParameter={(at, value) => job.request({ type: 'setParameter', at, value })} inspected={inspected} onInspect={setInspected} />
          {hidden.has('layers') ? null : <LayerList state={state} onState={update} />}
        </section>
        <button type="button" className="lab-settings-toggle" aria-expanded={settingsOpen} aria-controls={settingsId} onClick={() => setSettingsOpen((o) => !o)}>
          {s.settings}
        </button>
        <div id={settingsId} className={settingsOpen ? 'lab-settings lab-settings-open' : 'lab-settings'}>
          {hidden.has('data') ? null : <DataPanel state={state} data={data} onState={update} />}
          {hidden.has('training') && hidden.has('regularization') ? null : <TrainingPanel state={state} hidden={hidden} onState={update} />}
        </div>
      </div>
      {hidden.has('export') ? null : <ExportPanel state={state} data={data} view={view} step={job.training.snapshot?.step ?? 0} />}
      <SharePanel state={state} />
    </div>
  );
}
