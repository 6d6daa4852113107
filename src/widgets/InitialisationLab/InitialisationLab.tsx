// A deep network at its first step: how the activations and the gradients are spread in every
// layer, for the reader's activation, initialisation scheme, multiplier, depth, width and seed.
// Violins per layer, the two spreads as lines on a log axis (vanishing or exploding at a glance),
// and the variance argument of the scheme with its numbers, predicted beside measured.
import { useRef } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, LogSlider, NumberField, Select, Slider } from '../../book/controls.tsx';
import { choice, integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useEngine, useWideFigure } from '../kit/index.ts';
import { significant } from '../kit/format.ts';
import { findings } from './describe.ts';
import { activations, CLASSES, drawnWidth, MAX_DEPTH, MAX_ORTHOGONAL_WIDTH, MAX_SCALE, MAX_WIDTH, MIN_DEPTH, MIN_SCALE, MIN_WIDTH, schemes, type Activation, type Scheme } from './initialisation.ts';
import { Figures, Spreads } from './LabFigures.tsx';
import { initStrings as s } from './strings.ts';
import { useInitialisationLab } from './useInitialisationLab.ts';
import { VariancePanel } from './VariancePanel.tsx';
import './initialisationLab.css';

/** At least this wide (CSS px), the figure draws its wide layout: full-width violins, one above the other. */
const WIDE_FIGURE = 520;

const MAX_SEED = 9999;

export const initialisationLabSchema = {
  activation: choice(activations, 'tanh', () => s.linkLabels.activation),
  init: choice(schemes, 'normal', () => s.linkLabels.init),
  depth: integer({ min: MIN_DEPTH, max: MAX_DEPTH, default: 10, label: () => s.linkLabels.depth }),
  width: integer({ min: MIN_WIDTH, max: MAX_WIDTH, default: 256, label: () => s.linkLabels.width }),
  scale: number({ min: MIN_SCALE, max: MAX_SCALE, default: 1, label: () => s.linkLabels.scale }),
  seed: integer({ min: 1, max: MAX_SEED, default: 1, label: () => s.linkLabels.seed }),
};

export type InitialisationLabProps = Partial<StateOf<typeof initialisationLabSchema>>;


export default function InitialisationLab({ presenting, ...initial }: InitialisationLabProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(initialisationLabSchema, initial);
  const { activation, init, depth, width, scale, seed } = state;
  const engine = useEngine();
  const lab = useInitialisationLab(engine.ready, engine.backend, { activation, scheme: init, depth, width, scale, seed });
  const report = lab.report;
  const root = useRef<HTMLDivElement>(null);
  const wide = useWideFigure(root, WIDE_FIGURE);

  const controls = (
    <Controls presenting={presenting}>
      <Select label={s.activation} value={activation} options={activations.map((a) => ({ value: a, label: s.activationNames[a] }))} onChange={(v: Activation) => setState({ activation: v })} />
      <Select label={s.scheme} value={init} options={schemes.map((k) => ({ value: k, label: s.schemeNames[k] }))} onChange={(v: Scheme) => setState({ init: v })} />
      {init === 'zero' ? null : (
        <LogSlider
          label={init === 'normal' ? s.sigma : s.multiplier}
          value={scale}
          min={MIN_SCALE}
          max={MAX_SCALE}
          step={0.025}
          format={(v) => (init === 'normal' ? significant(v, 2) : s.times(significant(v, 2)))}
          onChange={(v) => setState({ scale: v })}
        />
      )}
      <Slider label={s.depth} value={depth} min={MIN_DEPTH} max={MAX_DEPTH} step={1} format={(v) => String(v)} onChange={(v) => setState({ depth: Math.round(v) })} />
      <Slider
        label={s.width}
        value={Math.log2(width)}
        min={Math.log2(MIN_WIDTH)}
        max={Math.log2(MAX_WIDTH)}
        step={1}
        format={(v) => String(Math.round(2 ** v))}
        onChange={(v) => setState({ width: Math.round(2 ** v) })}
      />
    </Controls>
  );

  let body;
  if (engine.error) body = <p role="alert">{s.engineFailed(engine.error)}</p>;
  else if (lab.error) body = <p role="alert">{s.failed(lab.error)}</p>;
  else if (!report) body = <p className="init-waiting">{lab.drawing ? s.drawing(lab.drawing.done, lab.drawing.total) : s.starting}</p>;
  else body = <Figures report={report} presenting={presenting} wide={wide} />;

  const status = !report ? '' : lab.drawing ? s.drawing(lab.drawing.done, lab.drawing.total) : lab.stale ? s.updating : '';
  return (
    <div ref={root} className={presenting ? 'init init-presenting fig-presenting' : 'init'}>
      <div className="init-figures">
        <div className={lab.stale && report ? 'init-stale' : undefined}>{body}</div>
        <p className="init-status" aria-live="polite">
          {status}
        </p>
      </div>
      {controls}
      <div className="init-seed">
        <NumberField label={s.seed} value={seed} min={1} max={MAX_SEED} integer onChange={(v) => setState({ seed: v })} />
        <button type="button" title={s.newDrawHint} onClick={() => setState({ seed: (seed % MAX_SEED) + 1 })}>
          {s.newDraw}
        </button>
      </div>
      {init === 'zero' ? <p className="fig-note">{s.zeroScale}</p> : null}
      {init === 'orthogonal' && width > MAX_ORTHOGONAL_WIDTH ? <p className="fig-note">{s.orthogonalCap(drawnWidth(init, width))}</p> : null}
      {report ? (
        <>
          <div className={lab.stale ? 'init-lower init-stale' : 'init-lower'}>
            <Spreads report={report} presenting={presenting} />
            <VariancePanel report={report} />
          </div>
          <div className={lab.stale ? 'init-findings init-stale' : 'init-findings'} aria-live="polite">
            {findings(report).map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          <p className="fig-note init-method">{s.method(report.batch, CLASSES)}</p>
        </>
      ) : null}
    </div>
  );
}
