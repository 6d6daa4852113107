// One neuron y = f(w·x + b) on four fixed inputs, with one control of each kind a widget may have:
// a slider (weight), a number field (bias, clamped to its range), a select (activation), a
// checkbox (square the output), a text field (a caption) and a button that computes through the
// engine. Out-of-range and non-numeric entries are handled as the house style asks: clamped, or
// left at the last valid value with a message, never shown as NaN.
import { useEffect, useId, useState } from 'react';
import { tensor, tidy } from '../../src/engine/tensor.ts';
import { add, matmul, relu, sigmoid, square, tanh } from '../../src/engine/ops/index.ts';
import type { WidgetRenderProps } from '../../src/book/defineWidget.ts';
import { engineReady } from './engine.ts';

const ACTIVATIONS = { tanh, relu, sigmoid } as const;
type Activation = keyof typeof ACTIVATIONS;

const INPUTS = [
  [1, 0],
  [0, 1],
  [1, 1],
  [-1, 0.5],
];
const BIAS_RANGE = [-5, 5] as const;

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

export default function ControlsLab({ presenting }: WidgetRenderProps) {
  const id = useId();
  const [weight, setWeight] = useState(1);
  const [biasText, setBiasText] = useState('0');
  const [bias, setBias] = useState(0);
  const [biasNote, setBiasNote] = useState('');
  const [activation, setActivation] = useState<Activation>('tanh');
  const [squared, setSquared] = useState(false);
  const [caption, setCaption] = useState('');
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine]);

  const commitBias = (text: string) => {
    setBiasText(text);
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) {
      setBiasNote(`Enter a number from ${BIAS_RANGE[0]} to ${BIAS_RANGE[1]}; the bias stays ${bias}.`);
      return;
    }
    const clamped = Math.min(BIAS_RANGE[1], Math.max(BIAS_RANGE[0], value));
    setBias(clamped);
    setBiasNote(clamped !== value ? `Clamped to ${clamped}.` : '');
  };

  return (
    <div className={presenting ? 'test-widget presenting' : 'test-widget'}>
      <div className="widget-controls">
        <label htmlFor={`${id}-w`}>Weight {weight.toFixed(1)}</label>
        <input
          id={`${id}-w`}
          type="range"
          min={-3}
          max={3}
          step={0.1}
          value={weight}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (Number.isFinite(v)) setWeight(Math.min(3, Math.max(-3, v)));
          }}
        />
        <label htmlFor={`${id}-b`}>Bias</label>
        <input
          id={`${id}-b`}
          type="number"
          min={BIAS_RANGE[0]}
          max={BIAS_RANGE[1]}
          step={0.5}
          value={biasText}
          onChange={(e) => commitBias(e.target.value)}
        />
        <label htmlFor={`${id}-f`}>Activation</label>
        <select id={`${id}-f`} value={activation} onChange={(e) => setActivation(e.target.value as Activation)}>
          <option value="tanh">tanh</option>
          <option value="relu">ReLU</option>
          <option value="sigmoid">sigmoid</option>
        </select>
        <label>
          <input type="checkbox" checked={squared} onChange={(e) => setSquared(e.target.checked)} /> Square the output
        </label>
        <label htmlFor={`${id}-c`}>Caption</label>
        <input id={`${id}-c`} type="text" value={caption} maxLength={60} onChange={(e) => setCaption(e.target.value)} />
        <button type="button" onClick={compute} disabled={!engine}>
          Compute
        </button>
      </div>
      {biasNote ? <p role="status">{biasNote}</p> : null}
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
