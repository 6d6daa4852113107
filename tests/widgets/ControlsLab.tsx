// One neuron y = f(w·x + b) on four fixed inputs, with one control of each kind a widget may have:
// a slider (weight), a number field (bias, clamped to its range), a select (activation), a
// checkbox (square the output), a text field (a caption) and a button that computes through the
// engine. Its state is declared by a schema, so a link can open it in a chosen state; the shared
// controls clamp out-of-range entries and put back non-numeric ones, never showing NaN.
import { useEffect, useState } from 'react';
import { tensor, tidy } from '../../src/engine/tensor.ts';
import { add, matmul, relu, sigmoid, square, tanh } from '../../src/engine/ops/index.ts';
import type { WidgetRenderProps } from '../../src/book/defineWidget.ts';
import { Checkbox, Controls, NumberField, Select, Slider, TextField } from '../../src/book/controls.tsx';
import { boolean, choice, number, text, type StateOf } from '../../src/book/urlState.ts';
import { useWidgetState } from '../../src/book/useWidgetState.ts';
import { engineReady } from './engine.ts';

const ACTIVATIONS = { tanh, relu, sigmoid } as const;
type Activation = keyof typeof ACTIVATIONS;

const INPUTS = [
  [1, 0],
  [0, 1],
  [1, 1],
  [-1, 0.5],
];

export const controlsLabSchema = {
  weight: number({ min: -3, max: 3, step: 0.1, default: 1 }),
  bias: number({ min: -5, max: 5, default: 0 }),
  activation: choice(['tanh', 'relu', 'sigmoid'] as const, 'tanh'),
  squared: boolean(false, 'square the output'),
  caption: text({ maxLength: 60, default: '' }),
};

/** A chapter may start the figure elsewhere: `<ControlsLab weight={2} activation="relu" />`. */
export type ControlsLabProps = Partial<StateOf<typeof controlsLabSchema>>;

/** The neuron's outputs for the four inputs, computed by the engine inside a memory scope. */
export function neuronOutputs(weight: number, bias: number, activation: Activation, squared: boolean): number[] {
  return tidy(() => {
    const x = tensor(INPUTS);
    const w = tensor([[weight], [-weight / 2]]);
    const pre = add(matmul(x, w), bias);
    const y = ACTIVATIONS[activation](pre);
    const out = squared ? square(y) : y;
    return Array.from(out.data());
  });
}

export default function ControlsLab({ presenting, ...initial }: ControlsLabProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(controlsLabSchema, initial);
  const { weight, bias, activation, squared, caption } = state;
  const [outputs, setOutputs] = useState<number[] | null>(null);
  const [runs, setRuns] = useState(0);
  const [engine, setEngine] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    engineReady().then(
      (backend) => live && setEngine(backend),
      (e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  const compute = () => {
    if (!engine) return;
    setOutputs(neuronOutputs(weight, bias, activation, squared));
    setRuns((n) => n + 1);
  };

  // The first result appears as soon as the engine is ready.
  useEffect(() => {
    if (engine && outputs === null) compute();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the engine becomes ready
  }, [engine]);

  return (
    <div className={presenting ? 'test-widget presenting' : 'test-widget'}>
      <Controls presenting={presenting}>
        <Slider label="Weight" value={weight} min={-3} max={3} step={0.1} format={(v) => v.toFixed(1)} onChange={(v) => setState({ weight: v })} />
        <NumberField label="Bias" value={bias} min={-5} max={5} step={0.5} onChange={(v) => setState({ bias: v })} />
        <Select
          label="Activation"
          value={activation}
          options={[
            { value: 'tanh', label: 'tanh' },
            { value: 'relu', label: 'ReLU' },
            { value: 'sigmoid', label: 'sigmoid' },
          ]}
          onChange={(v) => setState({ activation: v })}
        />
        <Checkbox label="Square the output" checked={squared} onChange={(v) => setState({ squared: v })} />
        <TextField label="Caption" value={caption} maxLength={60} onChange={(v) => setState({ caption: v })} />
      </Controls>
      <button type="button" onClick={compute} disabled={!engine}>
        Compute
      </button>
      {failure ? <p role="alert">{failure}</p> : null}
      <p>
        {caption ? <span>{caption}: </span> : null}
        Outputs{' '}
        <output aria-live="polite">
          {outputs ? outputs.map((v) => v.toFixed(3)).join(', ') : engine ? 'not computed yet' : 'starting the engine…'}
        </output>{' '}
        ({runs} {runs === 1 ? 'run' : 'runs'} on {engine ?? '…'})
      </p>
    </div>
  );
}
