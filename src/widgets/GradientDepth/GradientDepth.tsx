// The size of the weight gradient in every layer of a deep stack, from one backward pass: with
// sigmoid the bars shrink towards the input (vanishing gradients), with ReLU and He initialisation
// they stay level, with large weights they grow (exploding gradients). Activation, depth, initialisation and seed are the reader's to change.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Checkbox, Controls, NumberField, Select, Slider } from '../../book/controls.tsx';
import { boolean, choice, integer, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { BarChart, useEngine } from '../kit/index.ts';
import { magnitude, scientific } from '../kit/format.ts';
import {
  BATCH,
  gradientActivations,
  initNames,
  logDomain,
  MAX_DEPTH,
  MIN_DEPTH,
  sigmoidBound,
  summarise,
  WIDTH,
  type GradientActivation,
  type InitName,
} from '../../models/gradientDepth.ts';
import { depthStrings as s } from './strings.ts';
import { useGradientDepth } from './useGradientDepth.ts';
import './gradientDepth.css';

const MAX_SEED = 9999;
/** Above this, a gradient norm is called exploding in the summary. */
const HUGE_NORM = 1e3;

export const gradientDepthSchema = {
  activation: choice(gradientActivations, 'sigmoid', () => s.linkLabels.activation),
  depth: integer({ min: MIN_DEPTH, max: MAX_DEPTH, default: 10, label: () => s.linkLabels.depth }),
  init: choice(initNames, 'xavier', () => s.linkLabels.init),
  seed: integer({ min: 1, max: MAX_SEED, default: 1, label: () => s.linkLabels.seed }),
  log: boolean(true, () => s.linkLabels.log),
};

export type GradientDepthProps = Partial<StateOf<typeof gradientDepthSchema>>;

/** A gradient norm as written under a bar and in the list. */

function trend(ratio: number | null): string {
  if (ratio === null) return '';
  return ratio < 0.1 ? s.shrinks : ratio > 10 ? s.grows : s.steady;
}

export default function GradientDepth({ presenting, ...initial }: GradientDepthProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(gradientDepthSchema, initial);
  const { activation, depth, init, seed, log } = state;
  const engine = useEngine();
  const result = useGradientDepth(engine.ready, { activation, depth, init, seed });

  const controls = (
    <Controls presenting={presenting}>
      <Select
        label={s.activation}
        value={activation}
        options={gradientActivations.map((a) => ({ value: a, label: s.activationNames[a] }))}
        onChange={(v: GradientActivation) => setState({ activation: v })}
      />
      <Slider label={s.depth} value={depth} min={MIN_DEPTH} max={MAX_DEPTH} step={1} format={(v) => String(v)} onChange={(v) => setState({ depth: Math.round(v) })} />
      <Select label={s.init} value={init} options={initNames.map((i) => ({ value: i, label: s.initNames[i] }))} onChange={(v: InitName) => setState({ init: v })} />
      <NumberField label={s.seed} value={seed} min={1} max={MAX_SEED} integer onChange={(v) => setState({ seed: v })} />
      <Checkbox label={s.logScale} checked={log} onChange={(v) => setState({ log: v })} />
    </Controls>
  );

  let body;
  if (engine.error) body = <p role="alert">{s.engineFailed(engine.error)}</p>;
  else if (!result) body = <p>{s.starting}</p>;
  else if (result.error !== null) body = <p role="alert">{s.failed(result.error)}</p>;
  else {
    const norms = result.norms;
    const { firstOverLast, zeros } = summarise(norms);
    const allZero = zeros === norms.length;
    const largest = Math.max(...norms.filter((v) => Number.isFinite(v)));
    const summary = allZero
      ? s.allZero
      : firstOverLast === null
        ? s.zeros(zeros)
        : s.ratio(magnitude(firstOverLast), norms.length, trend(firstOverLast)) + (zeros ? ` ${s.zeros(zeros)}` : '') + (largest > HUGE_NORM ? ` ${s.huge(magnitude(largest))}` : '');
    const values = norms.map((v, i) => s.layerValue(i + 1, magnitude(v))).join(', ');
    const setup = s.setup(s.activationNames[activation], depth, s.initNames[init], WIDTH, BATCH);
    const labelled = norms.length <= 10; // more bars than that leave no room for their values
    body = (
      <>
        <div className="gd-chart figure-pin">
          <BarChart
            bars={norms.map((v, i) => ({ label: String(i + 1), value: v }))}
            width={560}
            height={280}
            y={log && !allZero ? { label: s.yAxisLog, log: true, domain: logDomain(norms) } : { label: s.yAxis }}
            xLabel={s.xAxis}
            title={s.chartTitle}
            description={s.chartDescription({ setup, values, summary })}
            format={(v) => (labelled ? magnitude(v) : '')}
          />
        </div>
        <p className="gd-summary" aria-live="polite">
          {summary}
        </p>
        {activation === 'sigmoid' ? <p className="gd-note">{s.sigmoidNote(depth - 1, scientific(sigmoidBound(depth - 1), 1))}</p> : null}
        <p className="gd-values">{values}</p>
        <p className="gd-note">{s.method}</p>
      </>
    );
  }

  return (
    <div className={presenting ? 'gd gd-presenting' : 'gd figure-first'}>
      {controls}
      <div className="gd-buttons">
        <button type="button" title={s.newDrawHint} onClick={() => setState({ seed: (seed % MAX_SEED) + 1 })}>
          {s.newDraw}
        </button>
      </div>
      {body}
    </div>
  );
}
