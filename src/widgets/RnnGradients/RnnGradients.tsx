// The gradient of a loss on the last step with respect to every earlier hidden state, for a tanh
// RNN and an LSTM reading the same sequence: the reader scales the recurrent weights, sets the
// LSTM's forget-gate bias and turns gradient clipping on or off.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Checkbox, Controls, NumberField, Slider } from '../../book/controls.tsx';
import { boolean, integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useRef } from 'react';
import { LinePath, Plot, seriesColors, useEngine, useWideFigure } from '../kit/index.ts';
import { fixed, magnitude } from '../kit/format.ts';
import {
  FORGET_BIAS_RANGE,
  MAX_LENGTH,
  MIN_LENGTH,
  SCALE_RANGE,
  firstOverLast,
  sampleSteps,
  sharedLogDomain,
  type CellGradients,
} from './gradients.ts';
import { rnnGradientStrings as s } from './strings.ts';
import { useRnnGradients } from './useRnnGradients.ts';
import './rnnGradients.css';

const MAX_SEED = 9999;
/** The figure's width from which the two networks get a chart each (two 15-rem charts abreast). */
const WIDE_PX = 500;

export const rnnGradientsSchema = {
  length: integer({ min: MIN_LENGTH, max: MAX_LENGTH, default: 40, label: () => s.linkLabels.length }),
  scale: number({ min: SCALE_RANGE[0], max: SCALE_RANGE[1], default: 1, label: () => s.linkLabels.scale }),
  forgetBias: number({ min: FORGET_BIAS_RANGE[0], max: FORGET_BIAS_RANGE[1], default: 0, label: () => s.linkLabels.forgetBias }),
  clip: boolean(false, () => s.linkLabels.clip),
  seed: integer({ min: 1, max: MAX_SEED, default: 1, label: () => s.linkLabels.seed }),
};

export type RnnGradientsProps = Partial<StateOf<typeof rnnGradientsSchema>>;


function verdict(ratio: number | null): string {
  if (ratio === null) return '';
  return ratio < 0.1 ? s.vanishes : ratio > 10 ? s.explodes : s.holds;
}

function summary(name: string, g: CellGradients): string {
  const zeros = g.norms.filter((v) => v === 0).length;
  const ratio = firstOverLast(g.norms);
  const parts = [ratio === null ? '' : s.ratio(name, magnitude(ratio), g.norms.length, verdict(ratio))];
  if (zeros) parts.push(s.underflow(name, zeros));
  return parts.filter(Boolean).join(' ');
}

function clipLine(name: string, g: CellGradients, clip: boolean): string {
  if (!clip) return s.noClip(name, magnitude(g.weightNorm));
  return g.clipFactor < 1 ? s.clipNote(name, magnitude(g.weightNorm), magnitude(g.clipFactor)) : s.clipNone(name, magnitude(g.weightNorm));
}

interface Series {
  name: string;
  g: CellGradients;
  color: string;
  dashed: boolean;
}

/** The gradient's size per step for one network, or for both on one chart (a narrow figure). */
function GradientChart({ series, caption, domain, setup, height }: { series: readonly Series[]; caption: string | null; domain: [number, number]; setup: string; height: number }) {
  const length = series[0].g.norms.length;
  const description = series
    .map(({ name, g }) => s.chartDescription(name, setup, sampleSteps(g.norms.length).map((t) => s.value(t, magnitude(g.norms[t - 1]))).join(', '), summary(name, g)))
    .join(' ');
  return (
    <figure className="rg-chart">
      {caption ? <figcaption>{caption}</figcaption> : null}
      <Plot
        width={340}
        height={height}
        x={{ domain: [1, length], label: s.xAxis }}
        y={{ domain, label: s.yAxis, log: true }}
        title={caption ? `${caption}: ${s.yAxis}` : s.yAxis}
        description={description}
      >
        {series.map(({ name, g, color, dashed }) => (
          // A zero (underflow) cannot sit on a log axis: it is drawn at the bottom edge.
          <LinePath key={name} points={g.norms.map((v, i) => [i + 1, v > 0 ? v : domain[0]] as const)} color={color} width={2.5} dashed={dashed} />
        ))}
      </Plot>
      {series.length > 1 ? (
        <ul className="plot-legend">
          {series.map(({ name, color, dashed }) => (
            <li key={name}>
              <svg width="24" height="10" aria-hidden="true">
                <line x1="0" x2="24" y1="5" y2="5" stroke={color} strokeWidth="3" strokeDasharray={dashed ? '6 4' : undefined} />
              </svg>{' '}
              {name}
            </li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}

export default function RnnGradients({ presenting, ...initial }: RnnGradientsProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(rnnGradientsSchema, initial);
  const { length, scale, forgetBias, clip, seed } = state;
  const engine = useEngine();
  const outcome = useRnnGradients(engine.ready, state);
  // Two charts abreast where each has room for its axes; else one chart with both lines.
  const root = useRef<HTMLDivElement>(null);
  const wide = useWideFigure(root, WIDE_PX);

  let body;
  if (engine.error) body = <p role="alert">{s.engineFailed(engine.error)}</p>;
  else if (!outcome) body = <p>{s.starting}</p>;
  else if (outcome.error !== null) body = <p role="alert">{s.failed(outcome.error)}</p>;
  else {
    const { rnn, lstm } = outcome.result;
    const domain = sharedLogDomain(rnn.norms, lstm.norms);
    const series: Series[] = [
      { name: s.rnnTitle, g: rnn, color: seriesColors[0], dashed: false },
      { name: s.lstmTitle, g: lstm, color: seriesColors[1], dashed: true },
    ];
    const setup = s.setup(length, fixed(scale, 2), fixed(forgetBias, 1, { minus: '-' }), clip);
    body = (
      <>
        <div className="rg-charts figure-pin">
          {wide || presenting ? (
            <>
              <GradientChart series={[series[0]]} caption={s.rnnTitle} domain={domain} setup={setup} height={240} />
              <GradientChart series={[series[1]]} caption={s.lstmTitle} domain={domain} setup={setup} height={240} />
            </>
          ) : (
            <GradientChart series={series} caption={null} domain={domain} setup={setup} height={200} />
          )}
        </div>
        <p className="rg-summary" aria-live="polite">
          {summary(s.rnnTitle, rnn)} {summary(s.lstmTitle, lstm)}
        </p>
        <p className="rg-note">
          {clipLine(s.rnnTitle, rnn, clip)} {clipLine(s.lstmTitle, lstm, clip)}
        </p>
        <p className="rg-note">{s.method}</p>
      </>
    );
  }

  return (
    <div ref={root} className={presenting ? 'rg rg-presenting' : 'rg figure-first'}>
      <Controls presenting={presenting}>
        <Slider label={s.length} value={length} min={MIN_LENGTH} max={MAX_LENGTH} step={1} format={(v) => String(v)} onChange={(v) => setState({ length: Math.round(v) })} />
        <Slider label={s.scale} value={scale} min={SCALE_RANGE[0]} max={SCALE_RANGE[1]} step={0.05} format={(v) => fixed(v, 2)} onChange={(v) => setState({ scale: v })} />
        <Slider label={s.forgetBias} value={forgetBias} min={FORGET_BIAS_RANGE[0]} max={FORGET_BIAS_RANGE[1]} step={0.5} format={(v) => fixed(v, 1, { minus: '-' })} onChange={(v) => setState({ forgetBias: v })} />
        <Checkbox label={s.clip} checked={clip} onChange={(v) => setState({ clip: v })} />
        <NumberField label={s.seed} value={seed} min={1} max={MAX_SEED} integer onChange={(v) => setState({ seed: v })} />
      </Controls>
      <div className="rg-buttons">
        <button type="button" title={s.newDrawHint} onClick={() => setState({ seed: (seed % MAX_SEED) + 1 })}>
          {s.newDraw}
        </button>
      </div>
      {body}
    </div>
  );
}
