// Softmax of a few logits at a chosen temperature: edit the logits, add or remove a class, move the
// temperature, and see the probabilities as bars with their sum and entropy. "Add 1 to all" shows
// that softmax only depends on the differences between logits.
import { useState } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, NumberField, Slider } from '../../book/controls.tsx';
import { number, numberList, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { BarChart, useEngine } from '../kit/index.ts';
import { fixed, scientific } from '../kit/format.ts';
import {
  largestChange,
  LOGIT_LIMIT,
  MAX_CLASSES,
  MAX_TEMPERATURE,
  maxEntropy,
  MIN_CLASSES,
  MIN_TEMPERATURE,
  newLogit,
  shiftAll,
  softmaxWithTemperature,
} from './softmax.ts';
import { softmaxStrings as s } from './strings.ts';
import { useSoftmaxTemperature } from './useSoftmaxTemperature.ts';
import './softmaxTemperature.css';

export const softmaxTemperatureSchema = {
  logits: numberList({ minLength: MIN_CLASSES, maxLength: MAX_CLASSES, min: -LOGIT_LIMIT, max: LOGIT_LIMIT, default: [2, 1, 0.1], label: () => s.linkLabels.logits }),
  temperature: number({ min: MIN_TEMPERATURE, max: MAX_TEMPERATURE, default: 1, label: () => s.linkLabels.temperature }),
};

export type SoftmaxTemperatureProps = Partial<StateOf<typeof softmaxTemperatureSchema>>;

/** The slider moves log₁₀ T, so 0.1 → 1 takes as much travel as 1 → 10. */
const toSlider = (t: number) => Math.log10(t);
const fromSlider = (v: number) => Math.min(MAX_TEMPERATURE, Math.max(MIN_TEMPERATURE, Number((10 ** v).toPrecision(3))));

export default function SoftmaxTemperature({ presenting, ...initial }: SoftmaxTemperatureProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(softmaxTemperatureSchema, initial);
  const { logits, temperature } = state;
  const engine = useEngine();
  const result = useSoftmaxTemperature(engine.ready, logits, temperature);
  const [shiftNote, setShiftNote] = useState<string | null>(null);

  const edit = (update: Partial<StateOf<typeof softmaxTemperatureSchema>>) => {
    setShiftNote(null);
    setState(update);
  };
  const setLogit = (i: number, v: number) => edit({ logits: logits.map((z, j) => (j === i ? v : z)) });
  const shifted = shiftAll(logits, 1);
  const shiftEverything = () => {
    if (!shifted || !engine.ready) return;
    // Both sides computed by the engine, so the change shown is the engine's own rounding.
    const before = softmaxWithTemperature(logits, temperature).probabilities;
    const after = softmaxWithTemperature(shifted, temperature).probabilities;
    const change = largestChange(before, after);
    setState({ logits: shifted });
    setShiftNote(s.shifted(change === 0 ? '0' : scientific(change, 2)));
  };

  const k = logits.length;
  const p = result?.probabilities ?? [];
  const items = p.map((v, i) => s.item(i + 1, fixed(logits[i], 2), fixed(v, 3))).join('; ');

  return (
    <div className={presenting ? 'st st-presenting' : 'st figure-first'}>
      <Controls presenting={presenting}>
        {logits.map((z, i) => (
          <NumberField key={`${k}-${i}`} label={s.logit(i + 1)} value={z} min={-LOGIT_LIMIT} max={LOGIT_LIMIT} step={0.1} onChange={(v) => setLogit(i, v)} />
        ))}
        <Slider
          label={s.temperature}
          value={toSlider(temperature)}
          min={-1}
          max={1}
          step={0.01}
          format={(v) => fromSlider(v).toString()}
          onChange={(v) => edit({ temperature: fromSlider(v) })}
        />
      </Controls>
      <div className="st-buttons">
        <button type="button" disabled={k >= MAX_CLASSES} onClick={() => edit({ logits: [...logits, newLogit(logits)] })}>
          {s.addClass}
        </button>
        <button type="button" disabled={k <= MIN_CLASSES} onClick={() => edit({ logits: logits.slice(0, -1) })}>
          {s.removeClass}
        </button>
        <button type="button" title={s.shiftHint} disabled={!shifted || !engine.ready} onClick={shiftEverything}>
          {s.shift}
        </button>
      </div>
      {!shifted ? <p className="st-note">{s.shiftBlocked(LOGIT_LIMIT)}</p> : null}
      {engine.error ? (
        <p role="alert">{s.engineFailed(engine.error)}</p>
      ) : !result ? (
        <p>{s.starting}</p>
      ) : (
        <>
          <div className="st-chart figure-pin">
            <BarChart
              bars={p.map((v, i) => ({ label: s.barLabel(i + 1), value: v, color: i }))}
              width={420}
              height={240}
              y={{ label: s.yAxis, domain: [0, 1] }}
              xLabel={s.xAxis}
              title={s.chartTitle}
              description={s.chartDescription(String(temperature), items, fixed(result.total, 4), fixed(result.entropy, 3))}
              format={(v) => fixed(v, 3)}
            />
          </div>
          <ul className="st-readout" aria-live="polite">
            <li>{s.scaled(`[${logits.map((z) => fixed(z / temperature, 2)).join(', ')}]`)}</li>
            <li>{s.total(fixed(result.total, 4))}</li>
            <li>{s.entropy(fixed(result.entropy, 3), fixed(maxEntropy(k), 3), k)}</li>
          </ul>
          {shiftNote ? (
            <p className="st-note" role="status">
              {shiftNote}
            </p>
          ) : null}
          <p className="st-hint">{temperature < 1 ? s.coldHint : temperature > 1 ? s.hotHint : s.plainHint}</p>
        </>
      )}
    </div>
  );
}
