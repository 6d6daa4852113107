// Early stopping (Prechelt 1998) on a network far too big for its data: the validation loss is
// watched after every epoch, the best epoch's weights are kept, training stops once patience has
// run out, and the best weights can be put back. The reader sets the patience, the smallest
// improvement that counts, whether the stop really stops (off: the run goes on, faded past the
// stop, to show what would have happened) and whether the best weights are restored.
import { useMemo } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Checkbox, Controls, NumberField, Slider } from '../../book/controls.tsx';
import { boolean, integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { GRID_POINTS, makeData } from '../../models/generalisation/earlyStop/earlyStopData.ts';
import { earlyStopJob } from '../../models/generalisation/earlyStop/earlyStopJob.ts';
import { DEFAULT_PATIENCE, DEFAULT_SEED } from '../../models/generalisation/earlyStop/earlyStopNumbers.ts';
import { MAX_EPOCHS } from '../../models/generalisation/earlyStop/earlyStopRun.ts';
import { LiveHint, TrainingBar, useTrainingJob } from '../kit/index.ts';
import { fixed } from '../kit/format.ts';
import { fitLegend, FitPlot, Legend, lossLegend, LossPlot } from './EarlyStopCharts.tsx';
import { earlyStoppingStrings as s } from './strings.ts';
import { summaryOf } from './summary.ts';
import '../kit/figure.css';
import './earlyStopping.css';

export const MIN_PATIENCE = 1;
export const MAX_PATIENCE = 300;
export const MAX_MIN_DELTA = 0.02;

export const earlyStoppingSchema = {
  patience: integer({ min: MIN_PATIENCE, max: MAX_PATIENCE, default: DEFAULT_PATIENCE, label: () => s.linkLabels.patience }),
  minDelta: number({ min: 0, max: MAX_MIN_DELTA, default: 0, label: () => s.linkLabels.minDelta }),
  stop: boolean(true, () => s.linkLabels.stop),
  restoreBest: boolean(true, () => s.linkLabels.restoreBest),
  seed: integer({ min: 1, max: 9999, default: DEFAULT_SEED, label: () => s.linkLabels.seed }),
};

export type EarlyStoppingProps = Partial<StateOf<typeof earlyStoppingSchema>>;

/** The patience slider moves on a log scale (1 to 300 in even steps of ratio), to whole epochs. */
const patienceFrom = (position: number) => Math.max(MIN_PATIENCE, Math.min(MAX_PATIENCE, Math.round(10 ** position)));

export default function EarlyStopping({ presenting = false, ...initial }: EarlyStoppingProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(earlyStoppingSchema, initial);
  const { patience, minDelta, stop, restoreBest, seed } = state;
  const job = useTrainingJob(earlyStopJob, { config: { patience, minDelta, stop, restoreBest }, seed });
  const picture = job.view;
  const data = useMemo(() => makeData(seed), [seed]);
  const waited = picture && picture.bestEpoch !== null && picture.stopEpoch === null ? picture.epoch - picture.bestEpoch : null;
  const faded = !stop && picture?.stopEpoch != null && picture.epoch > picture.stopEpoch;
  // Where the rule stopped the run, the bar counts it as the run's end: Train and Step wait for a reset.
  const bar = stop && picture?.stopEpoch != null ? { ...job, maxSteps: picture.stopEpoch } : job;

  return (
    <div className={presenting ? 'es fig-presenting' : 'es figure-first'}>
      <div className="es-plots figure-pass">
        <figure className="fig-plot es-figure figure-pin">
          <LossPlot picture={picture} patience={patience} stop={stop} budget={MAX_EPOCHS} presenting={presenting} />
          <Legend items={lossLegend(faded)} />
        </figure>
        <figure className="fig-plot es-figure">
          <FitPlot data={data} picture={picture} presenting={presenting} />
          <Legend items={fitLegend(picture?.restored != null)} />
        </figure>
      </div>
      <div className="es-side">
        <div className="es-status">
          <TrainingBar job={bar} presenting={presenting} detail={waited === null ? null : s.patienceDetail(waited, patience)} advice={s.divergedAdvice} />
          <p className="es-summary" aria-live={job.training.running ? 'off' : 'polite'}>
            {summaryOf(picture, { patience, stop }, MAX_EPOCHS)}
          </p>
          <p className="fig-note es-note">{s.testNote(GRID_POINTS)}</p>
        </div>
        <Controls presenting={presenting}>
          <Slider
            label={s.patience}
            value={Math.log10(patience)}
            min={0}
            max={Math.log10(MAX_PATIENCE)}
            step={0.01}
            format={(v) => s.patienceValue(patienceFrom(v))}
            onChange={(v) => setState({ patience: patienceFrom(v) })}
          />
          <Slider label={s.minDelta} value={minDelta} min={0} max={MAX_MIN_DELTA} step={0.001} format={(v) => fixed(v, 3)} onChange={(v) => setState({ minDelta: Number(v.toFixed(3)) })} />
          <Checkbox label={s.stop} checked={stop} onChange={(v) => setState({ stop: v })} />
          <Checkbox label={s.restore} checked={restoreBest} onChange={(v) => setState({ restoreBest: v })} />
          <NumberField label={s.seed} value={seed} min={1} max={9999} integer onChange={(v) => setState({ seed: v })} />
          <LiveHint applies="restart" />
        </Controls>
      </div>
    </div>
  );
}
