// The forward pass through a small network, one layer at a time: the network drawn as nodes and
// edges, and below it the current layer's matrix product written out with shapes and numbers.
import type { KeyboardEvent } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, NumberField, Select } from '../../book/controls.tsx';
import { choice, integer, numberList, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useEngine } from '../kit/useEngine.ts';
import { fixed } from '../kit/format.ts';
import { NetworkDiagram } from './NetworkDiagram.tsx';
import { defaultInputs, FORWARD_ACTIVATIONS, MAX_UNITS, sanitizeLayers, shapeText, type ForwardActivation, type LayerStep } from './network.ts';
import { forwardStrings as s, valueName } from './strings.ts';
import { useForwardPass } from './useForwardPass.ts';
import './forwardPass.css';

export const forwardPassSchema = {
  layers: numberList({ minLength: 2, maxLength: 4, min: 1, max: MAX_UNITS, integer: true, default: [2, 3, 2], label: () => s.layerSizes }),
  activation: choice(FORWARD_ACTIVATIONS, 'relu', () => s.activation),
  seed: integer({ min: 0, max: 1_000_000, default: 1, label: () => s.seed }),
  inputs: numberList({ minLength: 1, maxLength: MAX_UNITS, min: -5, max: 5, default: [1, 0.5], label: () => s.inputsLabel }),
  step: integer({ min: 0, max: 3, default: 0, label: () => s.stepLabel }),
};

export type ForwardPassProps = Partial<Pick<StateOf<typeof forwardPassSchema>, 'layers' | 'activation' | 'seed'>>;

const row = (v: readonly number[]) => `[${v.map((x) => fixed(x, 2)).join(', ')}]`;

function Matrix({ name, rows }: { name: string; rows: readonly (readonly number[])[] }) {
  const cols = rows[0]?.length ?? 0;
  return (
    <span className="fp-matrix" role="img" aria-label={`${s.matrixLabel(name, rows.length, cols)}: ${rows.map(row).join('; ')}`}>
      <span className="fp-matrix-grid" style={{ gridTemplateColumns: `repeat(${cols}, auto)` }} aria-hidden="true">
        {rows.flatMap((r, i) => r.map((v, j) => <span key={`${i}-${j}`}>{fixed(v, 2)}</span>))}
      </span>
    </span>
  );
}

function StepDetail({ step, layerCount }: { step: LayerStep; layerCount: number }) {
  const k = step.index;
  const inName = valueName(k - 1, layerCount);
  const outName = valueName(k, layerCount);
  const W = s.weightName(k);
  const b = s.biasName(k);
  const f = step.activation;
  const formula = f ? s.formulaHidden(outName, f, inName, W, b) : s.formulaOutput(outName, inName, W, b);
  return (
    <div className="fp-step" aria-live="polite">
      <p className="fp-formula">
        <strong>{formula}</strong>: <span className="fp-shapes">{shapeText(step.input.length, step.b.length)}</span>
      </p>
      <div className="fp-product">
        <Matrix name={inName} rows={[step.input]} />
        <span aria-hidden="true">{s.times}</span>
        <Matrix name={W} rows={step.W} />
        <span aria-hidden="true">{s.plus}</span>
        <Matrix name={b} rows={[step.b]} />
      </div>
      <p>{s.productLine(inName, W, row(step.product), b, row(step.z))}</p>
      <p>{f ? s.activated(outName, f, row(step.out)) : `${s.unactivated(outName, row(step.out))} ${s.outputLayerNote}`}</p>
    </div>
  );
}

export default function ForwardPass({ presenting, layers: layersProp, activation: activationProp, seed: seedProp }: ForwardPassProps & WidgetRenderProps) {
  const startLayers = sanitizeLayers(layersProp ?? forwardPassSchema.layers.default);
  const [state, setState] = useWidgetState(forwardPassSchema, {
    layers: layersProp,
    activation: activationProp,
    seed: seedProp,
    inputs: defaultInputs(startLayers[0]),
  });
  const sizes = sanitizeLayers(state.layers);
  const inputs = Array.from({ length: sizes[0] }, (_, i) => state.inputs[i] ?? 0);
  const total = sizes.length - 1;
  const current = Math.min(state.step, total);
  const engine = useEngine();
  const snapshot = useForwardPass(engine.ready, sizes, state.seed, inputs, state.activation);

  const go = (to: number) => setState({ step: Math.max(0, Math.min(total, to)) });
  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: total };
    if (e.key in moves) {
      e.preventDefault();
      go(moves[e.key]);
    }
  };
  const setInput = (i: number, v: number) => {
    const next = inputs.slice();
    next[i] = v;
    setState({ inputs: next });
  };

  return (
    <div className={presenting ? 'fp fp-presenting' : 'fp'}>
      <Controls presenting={presenting}>
        {inputs.map((v, i) => (
          <NumberField key={i} label={s.input(i + 1)} value={v} min={-5} max={5} step={0.1} onChange={(x) => setInput(i, x)} />
        ))}
        <Select
          label={s.activation}
          value={state.activation}
          options={FORWARD_ACTIVATIONS.map((a) => ({ value: a, label: s.activationNames[a] }))}
          onChange={(a: ForwardActivation) => setState({ activation: a })}
        />
      </Controls>
      <div className="fp-buttons">
        <button type="button" onClick={() => go(current - 1)} disabled={current === 0}>
          {s.previous}
        </button>
        <button type="button" onClick={() => go(current + 1)} disabled={current === total}>
          {s.next}
        </button>
        <button type="button" onClick={() => go(0)} disabled={current === 0}>
          {s.restart}
        </button>
        <button type="button" title={s.newWeightsHint} onClick={() => setState({ seed: (state.seed % 1_000_000) + 1 })}>
          {s.newWeights}
        </button>
        <span className="fp-progress" role="status">
          {s.progress(current, total)}
        </span>
      </div>
      {engine.error ? (
        <p role="alert">{s.engineFailed(engine.error)}</p>
      ) : !snapshot ? (
        <p>{s.starting}</p>
      ) : (
        <>
          <NetworkDiagram snapshot={snapshot} inputs={inputs} current={current} presenting={presenting} onKeyDown={onKey} />
          <p className="fp-hint">
            {s.legend} {s.keysHint} {s.seedNote(state.seed)}
          </p>
          {current === 0 ? (
            <p aria-live="polite">{s.atInput(row(inputs))}</p>
          ) : (
            <>
              <StepDetail step={snapshot.steps[current - 1]} layerCount={sizes.length} />
              {current === total ? <p>{s.done}</p> : null}
            </>
          )}
        </>
      )}
    </div>
  );
}
