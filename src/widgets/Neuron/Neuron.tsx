// One neuron with two inputs: weights, bias and activation on controls, the weighted sum and the
// output written out for the reader's point, and the input plane shaded by the neuron's output
// with the line w·x + b = 0 drawn on it.
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, NumberField, Select, Slider } from '../../book/controls.tsx';
import { choice, number, type Label, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { DraggablePoint, HeatMap, Plot, useEngine } from '../kit/index.ts';
import { factor, fixed } from '../kit/format.ts';
import { clipLine } from '../kit/plane.ts';
import { snapTo } from './snap.ts';
import { NEURON_ACTIVATIONS, outputAtZero, outputRange, type NeuronActivation } from '../../models/neuron.ts';
import { BoundaryLine } from '../kit/PlaneMarks.tsx';
import { neuronStrings as s } from './strings.ts';
import { GRID_CELLS, PLANE_EXTENT, useNeuron } from './useNeuron.ts';
import './neuron.css';

const E = PLANE_EXTENT;
const param = (d: number, label: Label) => number({ min: -3, max: 3, step: 0.1, default: d, label });

export const neuronSchema = {
  w1: param(1, () => s.w1),
  w2: param(-1, () => s.w2),
  b: param(0, () => s.b),
  activation: choice(NEURON_ACTIVATIONS, 'sigmoid', () => s.activation),
  x1: number({ min: -E, max: E, step: 0.1, default: 1, label: () => s.x1 }),
  x2: number({ min: -E, max: E, step: 0.1, default: 0.5, label: () => s.x2 }),
};

export type NeuronControl = 'w1' | 'w2' | 'b' | 'activation' | 'inputs';

export type NeuronProps = Partial<Pick<StateOf<typeof neuronSchema>, 'w1' | 'w2' | 'b' | 'activation'>> & {
  /** Controls to leave out for a simpler figure: any of w1, w2, b, activation, inputs. */
  hide?: readonly NeuronControl[] | string;
};

function hiddenSet(hide: NeuronProps['hide']): Set<string> {
  if (!hide) return new Set();
  return new Set(typeof hide === 'string' ? hide.split(/[\s,]+/) : hide);
}

export default function Neuron({ presenting, hide, w1, w2, b, activation }: NeuronProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(neuronSchema, { w1, w2, b, activation });
  const hidden = hiddenSet(hide);
  const engine = useEngine();
  const p = { w1: state.w1, w2: state.w2, b: state.b, activation: state.activation };
  const snap = useNeuron(engine.ready, p, state.x1, state.x2);
  const f = s.activationSymbols[state.activation];
  const [lo, hi] = outputRange(state.activation, p, E);
  const digits = state.activation === 'step' ? 0 : 3;

  const move = (x1: number, x2: number) => setState({ x1: snapTo(x1, -E, E, 0.1), x2: snapTo(x2, -E, E, 0.1) });
  const seg = clipLine(p.w1, p.w2, p.b, -E, E);
  const lineText =
    p.w1 === 0 && p.w2 === 0
      ? s.noLine
      : seg
        ? s.lineText(seg[0].map((v) => fixed(v, 2)).join(', '), seg[1].map((v) => fixed(v, 2)).join(', '))
        : s.lineOutside;

  const slider = (key: 'w1' | 'w2' | 'b') =>
    hidden.has(key) ? null : (
      <Slider key={key} label={s[key]} value={state[key]} min={-3} max={3} step={0.1} format={(v) => fixed(v, 1)} onChange={(v) => setState({ [key]: v })} />
    );

  return (
    <div className={presenting ? 'neuron neuron-presenting' : 'neuron'}>
      <div className="neuron-layout figure-first">
        <div className="neuron-side">
          <Controls presenting={presenting}>
            {slider('w1')}
            {slider('w2')}
            {slider('b')}
            {hidden.has('activation') ? null : (
              <Select
                label={s.activation}
                value={state.activation}
                options={NEURON_ACTIVATIONS.map((a) => ({ value: a, label: s.activationNames[a] }))}
                onChange={(a: NeuronActivation) => setState({ activation: a })}
              />
            )}
            {hidden.has('inputs') ? null : (
              <>
                <NumberField label={s.x1} value={state.x1} min={-E} max={E} step={0.1} onChange={(v) => setState({ x1: v })} />
                <NumberField label={s.x2} value={state.x2} min={-E} max={E} step={0.1} onChange={(v) => setState({ x2: v })} />
              </>
            )}
          </Controls>
          {engine.error ? (
            <p role="alert">{s.engineFailed(engine.error)}</p>
          ) : !snap ? (
            <p>{s.starting}</p>
          ) : (
            <div className="neuron-formula" aria-live="polite">
              <p>
                <span className="neuron-formula-label">{s.sumLabel}</span>
                {s.sumFormula({ w1: factor(p.w1), x1: factor(state.x1), w2: factor(p.w2), x2: factor(state.x2), b: factor(p.b) })}
                <strong>{fixed(snap.z, 2)}</strong>
              </p>
              <p>
                <span className="neuron-formula-label">{s.outputLabel}</span>
                {s.outputFormula(f, fixed(snap.z, 2))}
                <strong>{fixed(snap.y, digits)}</strong>
              </p>
            </div>
          )}
        </div>
        <div className="neuron-plane figure-pass">
          {snap ? (
            <div className="figure-pin">
              <Plot
                width={380}
                height={380}
                x={{ domain: [-E, E], label: s.x1Axis }}
                y={{ domain: [-E, E], label: s.x2Axis }}
                title={s.plotTitle}
                description={s.plotDescription({
                  w1: fixed(p.w1, 1),
                  w2: fixed(p.w2, 1),
                  b: fixed(p.b, 1),
                  activation: s.activationNames[state.activation],
                  x1: fixed(state.x1, 1),
                  x2: fixed(state.x2, 1),
                  z: fixed(snap.z, 2),
                  y: fixed(snap.y, digits),
                  line: lineText,
                  range: s.range(fixed(lo, 2), fixed(hi, 2)),
                })}
                interactive
              >
                <HeatMap values={snap.plane} cols={GRID_CELLS} rows={GRID_CELLS} colorDomain={[lo, hi]} opacity={0.8} />
                <BoundaryLine w1={p.w1} w2={p.w2} b={p.b} label={s.lineLabel} arrow arrowLabel={s.weightArrow} />
                <DraggablePoint x={state.x1} y={state.x2} onMove={move} label={s.pointLabel} step={0.1} format={(v) => fixed(v, 1)} />
              </Plot>
            </div>
          ) : null}
          <p className="neuron-legend">
            {s.legend(fixed(lo, 1), fixed(hi, 1))} {p.w1 === 0 && p.w2 === 0 ? s.noLine : seg ? s.sideNote : s.lineOutside}
            {seg ? ` ${s.onLine(fixed(outputAtZero(state.activation), 1))}` : ''}
          </p>
        </div>
      </div>
    </div>
  );
}
