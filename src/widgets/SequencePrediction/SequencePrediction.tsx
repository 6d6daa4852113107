// A sine wave (or two, with noise) predicted one step ahead by a GRU trained live, then run freely
// on its own predictions: does it hold the wave or drift away?
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Checkbox, Controls, NumberField, Slider } from '../../book/controls.tsx';
import { LinePath, LossCurve, Plot, RuleX, seriesColors, TrainingBar } from '../kit/index.ts';
import { fixed } from '../kit/format.ts';
import { FREE_STEPS, FREQUENCY_RANGE, NOISE_RANGE, rmse, SERIES_LENGTH, TRAIN_END } from '../../models/sequence/sequence.ts';
import { sequenceStrings as s } from './strings.ts';
import { useSequencePrediction, type SequencePredictionProps } from './useSequencePrediction.ts';
import './sequencePrediction.css';

export type { SequencePredictionProps };

const SHOW_FROM = 200;

function Legend() {
  const items = [
    { label: s.legendTruth, color: 'currentColor', dash: undefined, width: 2 },
    { label: s.legendOneStep, color: seriesColors[0], dash: '6 4', width: 2.5 },
    { label: s.legendFree, color: seriesColors[1], dash: '2 3', width: 3 },
  ];
  return (
    <ul className="plot-legend">
      {items.map((it) => (
        <li key={it.label}>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="0" x2="28" y1="5" y2="5" stroke={it.color} strokeWidth={it.width} strokeDasharray={it.dash} />
          </svg>{' '}
          {it.label}
        </li>
      ))}
    </ul>
  );
}

export default function SequencePrediction({ presenting, ...props }: SequencePredictionProps & WidgetRenderProps) {
  const { state, setState, series, job } = useSequencePrediction(props);
  const { training } = job;
  const snapshot = training.snapshot;
  const stopped = snapshot?.state === 'diverged' || snapshot?.state === 'failed';
  const oneStep = job.view?.oneStep ?? null;
  const free = job.event;
  const oneStepError = oneStep ? rmse(oneStep, series) : null;
  const freeError = free && free.values.length ? rmse(free.values, series) : null;
  const truth = series.slice(SHOW_FROM).map((v, i) => [SHOW_FROM + i, v] as const);
  const range = Math.max(1.5, ...series.map(Math.abs)) * 1.1;
  const clamped = free?.values.some((v) => Math.abs(v) >= 5) ?? false;

  return (
    <div className={presenting ? 'sp sp-presenting' : 'sp figure-first'}>
      <Controls presenting={presenting}>
        <Slider label={s.frequency} value={state.frequency} min={FREQUENCY_RANGE[0]} max={FREQUENCY_RANGE[1]} step={0.01} format={(v) => fixed(v, 2)} onChange={(v) => setState({ frequency: v })} />
        <Slider label={s.noise} value={state.noise} min={NOISE_RANGE[0]} max={NOISE_RANGE[1]} step={0.01} format={(v) => fixed(v, 2)} onChange={(v) => setState({ noise: v })} />
        <Checkbox label={s.twoSines} checked={state.twoSines} onChange={(v) => setState({ twoSines: v })} />
        <NumberField label={s.seed} value={state.seed} min={1} max={9999} integer onChange={(v) => setState({ seed: v })} />
      </Controls>
      <p className="sp-note">{s.model}</p>
      <TrainingBar job={job} presenting={presenting} detail={s.errors(oneStepError, free?.done ? freeError : null)}>
        <button type="button" onClick={() => job.request({ kind: 'runFree' })} disabled={!job.engine.ready || (snapshot?.step ?? 0) === 0 || stopped}>
          {s.runFree}
        </button>
      </TrainingBar>
      {free ? <p className="sp-note">{free.done ? s.freeHint : s.freeRunning}</p> : null}
      {clamped ? <p className="sp-note">{s.clamped}</p> : null}
      <div className="sp-plots figure-pass">
        <div className="figure-pin">
          <Plot
            width={560}
            height={260}
            x={{ domain: [SHOW_FROM, SERIES_LENGTH - 1], label: s.xAxis }}
            y={{ domain: [-range, range], label: s.yAxis }}
            title={s.chartTitle}
            description={s.chartDescription({
              setting: s.setting(fixed(state.frequency, 2), fixed(state.noise, 2), state.twoSines),
              oneStep: oneStepError === null ? s.noPredictions : s.oneStepDescribed(fixed(oneStepError, 3)),
              free: freeError === null ? s.noFree : s.freeDescribed(fixed(freeError, 3)),
            })}
          >
            <RuleX x={TRAIN_END} label={s.testStarts} />
            <LinePath points={truth} color="currentColor" width={1.5} />
            {oneStep ? <LinePath points={oneStep.map((v, i) => [TRAIN_END + i, v] as const)} color={seriesColors[0]} width={2.5} dashed /> : null}
            {free ? <LinePath points={free.values.slice(0, FREE_STEPS).map((v, i) => [TRAIN_END + i, v] as const)} color={seriesColors[1]} width={3} className="plot-line sp-free" /> : null}
          </Plot>
          <Legend />
        </div>
        <LossCurve series={[{ name: s.lossTitle, losses: training.losses, steps: training.lossSteps }]} width={300} height={200} log title={s.lossTitle} />
      </div>
    </div>
  );
}
