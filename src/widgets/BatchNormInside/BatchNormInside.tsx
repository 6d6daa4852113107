// Inside batch normalisation: one engine nn.BatchNorm1d over three units whose pre-activations are
// far from mean 0 and spread 1, fed seeded batches one at a time. For the chosen unit the figure
// shows (a) the batch before and after the layer, (b) the running mean and variance converging
// batch by batch, and (c) the same batch in training and evaluation mode, whose gap is large for
// small batches. A batch of one in training mode is refused by the engine, and said so.
import { useCallback } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, NumberField, Slider } from '../../book/controls.tsx';
import { choice, integer, number, numberList, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useEngine, useNarrowScreen } from '../kit/index.ts';
import { shortNumber, significant } from '../kit/format.ts';
import { BatchPanel } from './BatchPanel.tsx';
import { GapPanel } from './GapPanel.tsx';
import { MAX_BATCH, MAX_BATCHES, MIN_BATCH, UNIT_MEANS, UNIT_STDS, UNITS } from './population.ts';
import { RunningPanel } from './RunningPanel.tsx';
import { batchNormStrings as s } from './strings.ts';
import { useBatchNormInside, useBatchRunner } from './useBatchNormInside.ts';
import './batchNormInside.css';

export const MODES = ['train', 'eval'] as const;
/** What "run" takes at once. */
export const RUN_BATCHES = 20;
/** The batch sizes the slider steps through (a link may carry any size in range). */
export const BATCH_SIZES = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256] as const;
/** The momenta its slider steps through, from the schema's least to its most. */
export const MOMENTA = [0.01, 0.02, 0.03, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5] as const;
const ones = Array.from({ length: UNITS }, () => 1);
const zeros = Array.from({ length: UNITS }, () => 0);

export const batchNormInsideSchema = {
  batchSize: integer({ min: MIN_BATCH, max: MAX_BATCH, default: 8, label: () => s.linkLabels.batchSize }),
  momentum: number({ min: 0.01, max: 0.5, default: 0.1, label: () => s.linkLabels.momentum }),
  unit: integer({ min: 1, max: UNITS, default: 1, label: () => s.linkLabels.unit }),
  gamma: numberList({ length: UNITS, min: -3, max: 3, default: ones, label: () => s.linkLabels.gamma }),
  beta: numberList({ length: UNITS, min: -5, max: 5, default: zeros, label: () => s.linkLabels.beta }),
  mode: choice(MODES, 'train', () => s.linkLabels.mode),
  batches: integer({ min: 0, max: MAX_BATCHES, default: 10, label: () => s.linkLabels.batches }),
  evalBatches: integer({ min: 0, max: MAX_BATCHES, default: 0, label: () => s.linkLabels.evalBatches }),
  seed: integer({ min: 1, max: 9999, default: 1, label: () => s.linkLabels.seed }),
};

export type BatchNormInsideProps = Partial<StateOf<typeof batchNormInsideSchema>>;

/** A slider's position nearest a value, in its list of values. */
const nearest = (list: readonly number[], value: number) => list.reduce((best, v, i) => (Math.abs(v - value) < Math.abs(list[best] - value) ? i : best), 0);
const tenth = (v: number) => Math.round(v * 10) / 10;

export default function BatchNormInside({ presenting = false, ...initial }: BatchNormInsideProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(batchNormInsideSchema, initial);
  const { batchSize, momentum, unit, gamma, beta, mode, batches, evalBatches, seed } = state;
  const engine = useEngine();
  const narrow = useNarrowScreen();
  const result = useBatchNormInside(engine, { seed, batchSize, momentum, batches, evalBatches, mode, gamma, beta });
  const u = unit - 1;
  const taken = mode === 'train' ? batches : evalBatches;
  const advance = useCallback(
    (n: number) => setState((st) => (st.mode === 'train' ? { batches: Math.min(MAX_BATCHES, st.batches + n) } : { evalBatches: Math.min(MAX_BATCHES, st.evalBatches + n) })),
    [setState],
  );
  const runner = useBatchRunner(advance, taken >= MAX_BATCHES);
  const reset = () => {
    runner.stop();
    setState({ batches: 0, evalBatches: 0, mode: 'train', gamma: ones, beta: zeros });
  };
  const setUnitValue = (list: number[], v: number) => list.map((x, i) => (i === u ? tenth(v) : x));

  const actions = (
    <div className="bni-actions" role="group" aria-label={s.actions}>
      <button type="button" onClick={() => runner.run(1)} disabled={runner.running || taken >= MAX_BATCHES}>
        {s.nextBatch}
      </button>
      <button
        type="button"
        aria-label={runner.running ? undefined : s.run(RUN_BATCHES)}
        onClick={() => (runner.running ? runner.stop() : runner.run(RUN_BATCHES))}
        disabled={!runner.running && taken >= MAX_BATCHES}
      >
        {runner.running ? s.stop : s.runShort(RUN_BATCHES)}
      </button>
      <button type="button" onClick={reset}>
        {s.reset}
      </button>
      <span className="bni-toggles">
        <span className="bni-toggle" role="group" aria-label={s.modeGroup}>
          <span aria-hidden="true">{s.modeGroup}</span>
          {MODES.map((m) => (
            <button key={m} type="button" aria-pressed={mode === m} aria-label={s.modeLong[m]} onClick={() => setState({ mode: m })}>
              {s.modeNames[m]}
            </button>
          ))}
        </span>
        <span className="bni-toggle" role="group" aria-label={s.unitGroup}>
          <span aria-hidden="true">{s.unitGroup}</span>
          {UNIT_MEANS.map((mu, i) => (
            <button key={i} type="button" aria-pressed={unit === i + 1} aria-label={s.unitOption(i + 1, shortNumber(mu), shortNumber(UNIT_STDS[i]))} onClick={() => setState({ unit: i + 1 })}>
              {i + 1}
            </button>
          ))}
        </span>
      </span>
    </div>
  );
  // The figure's caption says which batch is shown, and is read out as each batch arrives.
  const status = (
    <p className="bni-caption" role="status">
      {mode === 'train' ? s.statusTrain(unit, batches, batchSize) : s.statusEval(unit, batches, evalBatches, batchSize)}
      {taken >= MAX_BATCHES ? <span className="bni-limit"> {s.atMost(MAX_BATCHES)}</span> : null}
    </p>
  );
  const controls = (
    <>
      <Controls presenting={presenting}>
        <Slider
          label={s.batchSize}
          value={nearest(BATCH_SIZES, batchSize)}
          min={0}
          max={BATCH_SIZES.length - 1}
          step={1}
          format={(i) => String(i === nearest(BATCH_SIZES, batchSize) ? batchSize : BATCH_SIZES[i])}
          onChange={(i) => setState({ batchSize: BATCH_SIZES[Math.round(i)] })}
        />
      </Controls>
      <details className="bni-settings">
        <summary>{s.settingsSummary(shortNumber(momentum), unit, significant(gamma[u], 3), significant(beta[u], 3), seed)}</summary>
        <Controls presenting={presenting}>
          <Slider
            label={s.momentum}
            value={nearest(MOMENTA, momentum)}
            min={0}
            max={MOMENTA.length - 1}
            step={1}
            format={(i) => shortNumber(i === nearest(MOMENTA, momentum) ? momentum : MOMENTA[i])}
            onChange={(i) => setState({ momentum: MOMENTA[Math.round(i)] })}
          />
          <Slider label={s.gamma(unit)} value={gamma[u]} min={-3} max={3} step={0.1} format={(v) => significant(v, 3)} onChange={(v) => setState({ gamma: setUnitValue(gamma, v) })} />
          <Slider label={s.beta(unit)} value={beta[u]} min={-5} max={5} step={0.1} format={(v) => significant(v, 3)} onChange={(v) => setState({ beta: setUnitValue(beta, v) })} />
          <NumberField label={s.seed} value={seed} min={1} max={9999} integer onChange={(v) => setState({ seed: v })} />
        </Controls>
      </details>
    </>
  );

  const root = presenting ? 'bni bni-presenting fig-presenting' : 'bni';
  let body;
  if (engine.error) body = <p role="alert">{s.engineFailed(engine.error)}</p>;
  else if (!result) body = <p>{s.starting}</p>;
  else if (result.error !== null) body = <p role="alert">{s.computeFailed(result.error)}</p>;
  if (body || !result?.picture) {
    return (
      <div className={root}>
        {actions}
        {body}
        {controls}
      </div>
    );
  }

  const { picture } = result;
  const { current } = picture;
  const last = picture.runningMean.length - 1;
  // Design sizes (the plots fill their column at these proportions): a phone's are taller for their width.
  const size = presenting ? { a: [900, 400], b: [450, 260], c: [450, 230] } : narrow ? { a: [360, 205], b: [360, 165], c: [360, 150] } : { a: [680, 230], b: [340, 220], c: [340, 220] };
  // A batch of one: the engine refused the training batches (and refuses this one in training mode).
  const refused = picture.refusal ?? current?.train.error ?? null;

  return (
    <div className={root}>
      <div className="bni-main">
        {actions}
        {current ? status : null}
        {current ? (
          <BatchPanel
            current={current}
            unit={u}
            mode={mode}
            gamma={gamma[u]}
            beta={beta[u]}
            runningMean={picture.runningMean[last][u]}
            runningVar={picture.runningVar[last][u]}
            width={size.a[0]}
            height={size.a[1]}
            presenting={presenting}
          />
        ) : (
          <p className="bni-empty" role="status">
            {s.noBatch}
          </p>
        )}
        {refused ? (
          <p className="bni-refusal" role="status">
            {s.refusal(refused)}
          </p>
        ) : null}
        {controls}
      </div>
      <div className="bni-lower">
        <div>
          <RunningPanel runningMean={picture.runningMean} runningVar={picture.runningVar} unit={u} momentum={momentum} refused={picture.refusal !== null && last === 0} width={size.b[0]} height={size.b[1]} />
          {mode === 'eval' ? <p className="bni-readout">{s.frozen}</p> : null}
        </div>
        {current ? <GapPanel current={current} unit={u} mode={mode} gamma={gamma[u]} beta={beta[u]} width={size.c[0]} height={size.c[1]} presenting={presenting} /> : null}
      </div>
    </div>
  );
}
