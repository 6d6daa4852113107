// One full training step of a 2-3-1 network on one example, stage by stage, with the matrices of
// each layer: forward, loss, backward layer by layer, update, new loss. The reader chooses the
// example, the learning rate and the starting weights, and can chain steps.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { WidgetRenderProps } from '../../book/defineWidget.ts';
import { Controls, NumberField, Slider } from '../../book/controls.tsx';
import { integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useEngine } from '../kit/index.ts';
import { shortNumber } from '../kit/format.ts';
import { Tex } from '../kit/Tex.tsx';
import { initialWeights, isFiniteStep, stages, type Matrix, type StepNumbers } from './network.ts';
import { trainingStepStrings as s } from './strings.ts';
import { useTrainingStep } from './useTrainingStep.ts';
import './trainingStep.css';

export const trainingStepSchema = {
  x1: number({ min: -5, max: 5, default: 1, label: () => s.linkLabels.x1 }),
  x2: number({ min: -5, max: 5, default: 0.5, label: () => s.linkLabels.x2 }),
  y: number({ min: -5, max: 5, default: 1, label: () => s.linkLabels.y }),
  learningRate: number({ min: 0.01, max: 50, default: 0.5, label: () => s.linkLabels.learningRate }),
  seed: integer({ min: 1, max: 9999, default: 1, label: () => s.linkLabels.seed }),
  stage: integer({ min: 0, max: stages.length - 1, default: 0, label: () => s.linkLabels.stage }),
};

export type TrainingStepProps = Partial<StateOf<typeof trainingStepSchema>>;

function MatrixView({ name, m, grad = false }: { name: string; m: Matrix; grad?: boolean }) {
  const rows = m.length;
  const cols = m[0]?.length ?? 0;
  return (
    <table className={grad ? 'ts-matrix ts-grad' : 'ts-matrix'} aria-label={s.matrixLabel(name, rows, cols)}>
      <caption>{name}</caption>
      <tbody>
        {m.map((row, r) => (
          <tr key={r}>
            {row.map((v, c) => (
              <td key={c}>{shortNumber(v)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Stage({ k, at, children }: { k: number; at: number; children: ReactNode }) {
  if (k > at) return null;
  return (
    <section className={k === at ? 'ts-stage' : 'ts-stage ts-old'} aria-current={k === at ? 'step' : undefined}>
      <h4>{s.stageTitles[stages[k]]}</h4>
      {children}
    </section>
  );
}

function StepStages({ n, at }: { n: StepNumbers; at: number }) {
  const w = n.weights;
  const u = n.updated;
  const change = n.newLoss - n.loss;
  const n_ = s.names;
  return (
    <>
      <Stage k={0} at={at}>
        <div className="ts-row">
          <MatrixView name="x" m={n.x} />
          <MatrixView name={n_.W1} m={w.W1} />
          <MatrixView name={n_.b1} m={w.b1} />
          <MatrixView name={n_.z1} m={n.z1} />
          <MatrixView name={n_.h} m={n.h} />
        </div>
      </Stage>
      <Stage k={1} at={at}>
        <div className="ts-row">
          <MatrixView name={n_.W2} m={w.W2} />
          <MatrixView name={n_.b2} m={w.b2} />
          <MatrixView name={n_.yHat} m={[[n.yHat]]} />
          <MatrixView name="y" m={[[n.y]]} />
          <MatrixView name={n_.loss} m={[[n.loss]]} />
        </div>
      </Stage>
      <Stage k={2} at={at}>
        <Tex tex={`\\frac{\\partial L}{\\partial \\hat y} = \\hat y - y = ${numTex(n.yHat)} - ${paren(n.y)} = ${numTex(n.dYHat)},\\quad \\frac{\\partial L}{\\partial W^{(2)}} = h^{\\top}\\,\\frac{\\partial L}{\\partial \\hat y},\\quad \\frac{\\partial L}{\\partial b^{(2)}} = \\frac{\\partial L}{\\partial \\hat y}`} />
        <div className="ts-row">
          <MatrixView name="∂L/∂ŷ" m={[[n.dYHat]]} grad />
          <MatrixView name={n_.dW2} m={n.dW2} grad />
          <MatrixView name={n_.db2} m={n.db2} grad />
        </div>
      </Stage>
      <Stage k={3} at={at}>
        <Tex tex={`\\frac{\\partial L}{\\partial h} = \\frac{\\partial L}{\\partial \\hat y}\\,W^{(2)\\top},\\quad \\frac{\\partial L}{\\partial z^{(1)}} = \\frac{\\partial L}{\\partial h} \\odot h \\odot (1 - h),\\quad \\frac{\\partial L}{\\partial W^{(1)}} = x^{\\top}\\,\\frac{\\partial L}{\\partial z^{(1)}}`} />
        <div className="ts-row">
          <MatrixView name="∂L/∂h" m={n.dH} grad />
          <MatrixView name={n_.dZ1} m={n.dZ1} grad />
          <MatrixView name={n_.dW1} m={n.dW1} grad />
          <MatrixView name={n_.db1} m={n.db1} grad />
        </div>
      </Stage>
      <Stage k={4} at={at}>
        <Tex tex={`W \\leftarrow W - \\eta\\,\\frac{\\partial L}{\\partial W},\\quad \\eta = ${numTex(n.learningRate)}`} />
        <div className="ts-row">
          <MatrixView name={n_.newW1} m={u.W1} />
          <MatrixView name={n_.newB1} m={u.b1} />
          <MatrixView name={n_.newW2} m={u.W2} />
          <MatrixView name={n_.newB2} m={u.b2} />
        </div>
      </Stage>
      <Stage k={5} at={at}>
        <p>
          {s.lossBefore(shortNumber(n.loss))}, {s.lossAfter(shortNumber(n.newLoss))}.
        </p>
        <p className="ts-verdict" aria-live="polite">
          {Math.abs(change) < 5e-7 ? s.same : change < 0 ? s.better : s.worse}
        </p>
      </Stage>
    </>
  );
}

const numTex = (v: number) => shortNumber(v, { locale: 'en', minus: '-' }).replace(/×10(.*)$/, (_, e: string) => `\\times 10^{${e}}`);
const paren = (v: number) => (v < 0 ? `(${numTex(v)})` : numTex(v));

export default function TrainingStep({ presenting, ...initial }: TrainingStepProps & WidgetRenderProps) {
  const [state, setState] = useWidgetState(trainingStepSchema, initial);
  const { x1, x2, y, learningRate, seed, stage } = state;
  const engine = useEngine();
  const start = useMemo(() => initialWeights(seed), [seed]);
  const [chain, setChain] = useState({ seed, steps: 0, weights: start });
  useEffect(() => setChain({ seed, steps: 0, weights: start }), [seed, start]);
  const weights = chain.seed === seed ? chain.weights : start;
  const result = useTrainingStep(engine.ready, x1, x2, y, weights, learningRate);
  const numbers = result?.numbers ?? null;
  const finite = numbers ? isFiniteStep(numbers) : true;

  // Stepping is what a class watches: presenting, these buttons head the column beside the stages.
  const buttons = (
    <div className={presenting ? 'ts-buttons fig-side' : 'ts-buttons'}>
      <button type="button" onClick={() => setState({ stage: Math.max(0, stage - 1) })} disabled={stage === 0}>
        {s.back}
      </button>
      <button type="button" onClick={() => setState({ stage: Math.min(stages.length - 1, stage + 1) })} disabled={stage === stages.length - 1}>
        {s.next}
      </button>
      <button
        type="button"
        disabled={!numbers || !finite || stage !== stages.length - 1}
        onClick={() => {
          if (!numbers) return;
          setChain({ seed, steps: chain.steps + 1, weights: numbers.updated });
          setState({ stage: 0 });
        }}
      >
        {s.applyUpdate}
      </button>
      <button type="button" onClick={() => setChain({ seed, steps: 0, weights: start })} disabled={chain.steps === 0}>
        {s.startOver}
      </button>
      <span className="ts-muted" aria-live="polite">
        {s.stageOf(stage + 1, stages.length)} · {s.stepsTaken(chain.seed === seed ? chain.steps : 0)}
      </span>
    </div>
  );

  return (
    <div className={presenting ? 'ts ts-presenting' : 'ts'}>
      {presenting ? buttons : null}
      <Controls presenting={presenting}>
        <NumberField label={s.x1} value={x1} min={-5} max={5} step={0.1} onChange={(v) => setState({ x1: v })} />
        <NumberField label={s.x2} value={x2} min={-5} max={5} step={0.1} onChange={(v) => setState({ x2: v })} />
        <NumberField label={s.y} value={y} min={-5} max={5} step={0.1} onChange={(v) => setState({ y: v })} />
        <Slider label={s.learningRate} value={Math.log10(learningRate)} min={-2} max={Math.log10(50)} step={0.01} format={(v) => shortNumber(Number((10 ** v).toPrecision(2)))} onChange={(v) => setState({ learningRate: Number((10 ** v).toPrecision(2)) })} />
        <NumberField label={s.seed} value={seed} min={1} max={9999} integer onChange={(v) => setState({ seed: v })} />
      </Controls>
      {presenting ? null : buttons}
      {engine.error ? (
        <p role="alert">{s.engineFailed(engine.error)}</p>
      ) : !result ? (
        <p>{s.starting}</p>
      ) : result.error !== null ? (
        <p role="alert">{s.failed(result.error)}</p>
      ) : !finite ? (
        <div role="alert">
          <p>{s.diverged}</p>
          <button type="button" onClick={() => { setState({ learningRate: 0.5 }); setChain({ seed, steps: 0, weights: start }); }}>
            {s.smallerRate}
          </button>
        </div>
      ) : (
        <StepStages n={result.numbers} at={stage} />
      )}
      <p className="ts-muted">{s.note}</p>
    </div>
  );
}
